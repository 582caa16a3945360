package budgetledger.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserCache;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The users of the ledger ({@code app_user}): add, disable, re-password, list, and the look-up Spring Security
 * authenticates against. Only BCrypt hashes are stored; a refused change is an {@link ErrorResponseException}
 * carrying its problem detail, so the API and the CLI report it the same way.
 */
@Service
public class UserAccounts implements UserDetailsService {

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,31}");
    public static final int MIN_PASSWORD_CHARS = 12;
    /** BCrypt reads only the first 72 bytes; a longer password would silently be a shorter one. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record UserAccount(String name, Role role, boolean enabled) {
    }

    private static final RowMapper<UserAccount> ROW = (rs, n) ->
            new UserAccount(rs.getString("user_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AccountCache signedIn;

    public UserAccounts(JdbcTemplate jdbc, PasswordEncoder passwords,
                        @Value("${budget-ledger.sign-in.account-cache-millis:1000}") long accountCacheMillis) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.signedIn = new AccountCache(accountCacheMillis, System::nanoTime);
    }

    /** The accounts recently signed in with, which this class forgets as it changes them. */
    UserCache signedIn() {
        return signedIn;
    }

    /** 20 characters from 57 unambiguous letters and digits: about 116 bits. */
    public static String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        List<UserDetails> found = jdbc.query("select user_name, password_hash, role, enabled from app_user where user_name = ?",
                (rs, n) -> User.withUsername(rs.getString("user_name"))
                        .password(rs.getString("password_hash"))
                        .authorities(new SimpleGrantedAuthority(Role.valueOf(rs.getString("role")).authority()))
                        .disabled(!rs.getBoolean("enabled"))
                        .build(), name);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("unknown user");
        }
        return found.get(0);
    }

    public List<UserAccount> list() {
        return jdbc.query("select user_name, role, enabled from app_user order by user_name", ROW);
    }

    public Optional<UserAccount> find(String name) {
        return jdbc.query("select user_name, role, enabled from app_user where user_name = ?", ROW, name)
                .stream().findFirst();
    }

    public boolean none() {
        return jdbc.queryForObject("select count(*) from app_user", Long.class) == 0;
    }

    /** Adds a user; false when the name is taken (the caller decides whether that is an error). */
    public boolean addIfAbsent(String name, Role role, String password) {
        checkName(name);
        checkPassword(name, password);
        return jdbc.update("""
                insert into app_user (user_name, password_hash, role) values (?, ?, ?)
                on conflict (user_name) do nothing""", name, passwords.encode(password), role.name()) == 1;
    }

    public UserAccount add(String name, Role role, String password) {
        if (!addIfAbsent(name, role, password)) {
            throw refused(HttpStatus.CONFLICT, "user-exists", "name", "用户 " + name + " 已存在");
        }
        return new UserAccount(name, role, true);
    }

    /** A new password; every console session of the user ends (its session epoch moves on). */
    public void changePassword(String name, String password) {
        checkPassword(name, password);
        int updated = jdbc.update("update app_user set password_hash = ?, session_epoch = session_epoch + 1 "
                + "where user_name = ?", passwords.encode(password), name);
        signedIn.removeUserFromCache(name);
        if (updated == 0) {
            throw unknown(name);
        }
    }

    /** A user changing their own password: the current one must be given and right, the new one differ from it. */
    public void changeOwnPassword(String name, String currentPassword, String newPassword) {
        String hash = jdbc.query("select password_hash from app_user where user_name = ? and enabled", (rs, n) ->
                rs.getString(1), name).stream().findFirst().orElseThrow(() -> unknown(name));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw refused(HttpStatus.BAD_REQUEST, "wrong-password", "currentPassword", "当前密码不正确");
        }
        if (currentPassword.equals(newPassword)) {
            throw refused(HttpStatus.BAD_REQUEST, "same-password", "newPassword", "新密码不能与当前密码相同");
        }
        changePassword(name, newPassword);
    }

    /** The epoch a console session of this user must have been signed in under; empty when disabled or unknown. */
    public Optional<Long> sessionEpoch(String name) {
        return jdbc.query("select session_epoch from app_user where user_name = ? and enabled",
                (rs, n) -> rs.getLong(1), name).stream().findFirst();
    }

    /** Disabling keeps the row: past events name the user as their actor. The last enabled admin stays. */
    public void setEnabled(String name, boolean enabled) {
        UserAccount user = find(name).orElseThrow(() -> unknown(name));
        if (!enabled && user.role() == Role.ADMIN && user.enabled() && jdbc.queryForObject(
                "select count(*) from app_user where role = 'ADMIN' and enabled", Long.class) <= 1) {
            throw refused(HttpStatus.CONFLICT, "last-admin", "name", "不能停用最后一个启用的管理员 " + name);
        }
        jdbc.update("update app_user set enabled = ?, session_epoch = session_epoch + 1 where user_name = ?", enabled, name);
        signedIn.removeUserFromCache(name);
    }

    public static Role role(String text) {
        if (text != null) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(text.strip())) {
                    return role;
                }
            }
        }
        throw refused(HttpStatus.BAD_REQUEST, "unknown-value", "role",
                "role 的值 “" + text + "” 无效，可选：FINANCE、AUDITOR、ANALYST、ADMIN");
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw refused(HttpStatus.BAD_REQUEST, "malformed-name", "name",
                    "用户名须以小写字母开头，由小写字母、数字和 . _ - 组成，最长 32 个字符");
        }
    }

    private static void checkPassword(String name, String password) {
        if (password == null || password.length() < MIN_PASSWORD_CHARS
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw refused(HttpStatus.BAD_REQUEST, "weak-password", "password",
                    "密码至少 " + MIN_PASSWORD_CHARS + " 个字符，最多 " + MAX_PASSWORD_BYTES + " 字节");
        }
        PasswordPolicy.problem(name, password).ifPresent(problem -> {
            throw refused(HttpStatus.BAD_REQUEST, "weak-password", "password", problem);
        });
    }

    private static ErrorResponseException unknown(String name) {
        return refused(HttpStatus.NOT_FOUND, "unknown-user", "name", "用户 " + name + " 不存在");
    }

    private static ErrorResponseException refused(HttpStatus status, String rule, String field, String detail) {
        return new ErrorResponseException(status, Problems.problem(status, rule, field, detail), null);
    }
}
