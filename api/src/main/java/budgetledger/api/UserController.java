package budgetledger.api;

import budgetledger.security.Problems;
import budgetledger.security.UserAccounts;
import budgetledger.security.UserAccounts.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** User management for ADMIN: list (never with hashes), add, re-password, disable and enable again. */
@RestController
@RequestMapping("/api/admin/users")
public class UserController {

    private static final Logger log = LoggerFactory.getLogger(UserController.class);

    record NewUserRequest(String name, String role, String password) {
    }

    record PasswordRequest(String password) {
    }

    record EnabledRequest(Boolean enabled) {
    }

    private final UserAccounts users;

    public UserController(UserAccounts users) {
        this.users = users;
    }

    @GetMapping
    public List<UserAccount> list() {
        return users.list();
    }

    @PostMapping
    public ResponseEntity<UserAccount> add(@RequestBody NewUserRequest request, Authentication admin) {
        UserAccount user = users.add(request.name(), UserAccounts.role(request.role()), request.password());
        log.info("User {} added with role {} by {}", user.name(), user.role(), admin.getName());
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.name())).body(user);
    }

    @PutMapping("/{name}/password")
    public ResponseEntity<Void> changePassword(@PathVariable String name, @RequestBody PasswordRequest request,
                                               Authentication admin) {
        users.changePassword(name, request.password());
        log.info("Password of user {} changed by {}", name, admin.getName());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{name}/enabled")
    public ResponseEntity<Void> setEnabled(@PathVariable String name, @RequestBody EnabledRequest request,
                                           Authentication admin) {
        if (request.enabled() == null) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.problem(HttpStatus.BAD_REQUEST,
                    "required", "enabled", "enabled 不能为空：true 或 false"), null);
        }
        users.setEnabled(name, request.enabled());
        log.info("User {} {} by {}", name, request.enabled() ? "enabled" : "disabled", admin.getName());
        return ResponseEntity.noContent().build();
    }
}
