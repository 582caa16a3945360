package budgetledger.web;

import budgetledger.security.UserAccounts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in user changes their own password: the current one, the new one twice. The new password meets the
 * same policy as any other (UserAccounts); afterwards every session of the user ends, this one too, and the user
 * signs in again with the new password.
 */
@Controller
class AccountPage {

    private final UserAccounts users;

    AccountPage(UserAccounts users) {
        this.users = users;
    }

    @GetMapping("/account/password")
    String form() {
        return "password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(required = false) String currentPassword,
                  @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String repeatPassword,
                  Authentication user, Model model, HttpServletResponse response) {
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "两次输入的新密码不一致");
            return "password";
        }
        try {
            users.changeOwnPassword(user.getName(), currentPassword, newPassword);
        } catch (ErrorResponseException e) {
            response.setStatus(e.getStatusCode().value());
            model.addAttribute("error", e.getBody().getDetail());
            return "password";
        }
        // The session epoch moved on: the next request ends this session and asks for the new password.
        return "redirect:/login?changed";
    }
}
