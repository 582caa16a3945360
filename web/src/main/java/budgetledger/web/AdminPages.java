package budgetledger.web;

import budgetledger.security.Role;
import budgetledger.security.UserAccounts;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The administrator's page: the users with their roles, a form to add one, and for each user a new password or
 * disabling (never deleting: past events name their actor). The same UserAccounts as the API and the CLI, so the
 * same rules hold (name shape, password policy, the last enabled admin stays); a refusal stands beside its field.
 */
@Controller
class AdminPages {

    private static final Logger log = LoggerFactory.getLogger(AdminPages.class);
    static final Map<String, String> ROLES = roles();

    private final UserAccounts users;

    AdminPages(UserAccounts users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        return page(model, "", "", Map.of());
    }

    @PostMapping("/admin/users")
    String add(@RequestParam(required = false) String name, @RequestParam(required = false) String role,
               @RequestParam(required = false) String password, Authentication admin, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Role chosen = null;
        if (role == null || !ROLES.containsKey(role)) {
            errors.put("role", "请选择角色");
        } else {
            chosen = Role.valueOf(role);
        }
        if (password == null || password.isEmpty()) {
            errors.put("password", "请填写初始密码");
        }
        if (errors.isEmpty()) {
            try {
                users.add(name == null ? null : name.strip(), chosen, password);
                log.info("User {} added with role {} by {} in the console", name, chosen, admin.getName());
                redirect.addFlashAttribute("notice", "已添加用户 " + name.strip() + "（" + ROLES.get(role) + "）。");
                return "redirect:/admin/users";
            } catch (ErrorResponseException e) {
                errors.put(field(e), e.getBody().getDetail());
                response.setStatus(e.getStatusCode().value());
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return page(model, name, role, errors);
    }

    @PostMapping("/admin/users/{name}/password")
    String password(@PathVariable String name, @RequestParam(required = false) String password,
                    Authentication admin, RedirectAttributes redirect) {
        try {
            users.changePassword(name, password);
            log.info("Password of user {} changed by {} in the console", name, admin.getName());
            redirect.addFlashAttribute("notice", "已为 " + name + " 设置新密码；其已登录的会话随即结束。");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", name + "：" + e.getBody().getDetail());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{name}/enabled")
    String enabled(@PathVariable String name, @RequestParam(required = false) Boolean enabled,
                   Authentication admin, RedirectAttributes redirect) {
        if (enabled == null) {
            redirect.addFlashAttribute("problem", name + "：请指明启用还是停用");
            return "redirect:/admin/users";
        }
        try {
            users.setEnabled(name, enabled);
            log.info("User {} {} by {} in the console", name, enabled ? "enabled" : "disabled", admin.getName());
            redirect.addFlashAttribute("notice", (enabled ? "已启用 " : "已停用 ") + name + "。");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", name + "：" + e.getBody().getDetail());
        }
        return "redirect:/admin/users";
    }

    private String page(Model model, String name, String role, Map<String, String> errors) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", ROLES);
        model.addAttribute("form", Map.of("name", name == null ? "" : name, "role", role == null ? "" : role));
        model.addAttribute("errors", errors);
        return "admin-users";
    }

    private static String field(ErrorResponseException e) {
        Object field = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("field");
        return field == null ? "" : field.toString();
    }

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("FINANCE", "财务人员");
        roles.put("AUDITOR", "审计人员");
        roles.put("ANALYST", "分析人员");
        roles.put("ADMIN", "系统管理员");
        return roles;
    }
}
