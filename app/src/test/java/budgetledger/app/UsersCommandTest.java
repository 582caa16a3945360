package budgetledger.app;

import budgetledger.app.cli.LedgerCli;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar budget-ledger.jar users ...}: add, re-password, disable and list users from the shell. */
class UsersCommandTest {

    final TestDatabase db = TestDatabase.create();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int users(String stdin, String... words) {
        String[] args = new String[words.length + 3];
        args[0] = "users";
        System.arraycopy(words, 0, args, 1, words.length);
        args[words.length + 1] = "--budget-ledger.db.url=" + db.url;
        args[words.length + 2] = "--budget-ledger.db.user=" + db.user;
        return new LedgerCli(BudgetLedgerApplication.class, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    boolean passwordIs(String name, String password) {
        return new BCryptPasswordEncoder().matches(password,
                db.text("select password_hash from app_user where user_name = ?", name));
    }

    @Test
    void adds_repasswords_disables_and_lists_users_on_the_database() {
        assertThat(users("li-si-password-1\n", "add", "li.si", "analyst", "--password-stdin")).isZero();
        assertThat(passwordIs("li.si", "li-si-password-1")).isTrue();

        assertThat(users("li-si-password-2\n", "password", "li.si", "--password-stdin")).isZero();
        assertThat(passwordIs("li.si", "li-si-password-2")).isTrue();

        assertThat(users("", "disable", "li.si")).isZero();
        assertThat(db.count("select count(*) from app_user where user_name = 'li.si' and not enabled")).isEqualTo(1);

        out.reset();
        assertThat(users("", "add", "wang.wu", "FINANCE")).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(passwordIs("wang.wu", printed.substring(printed.indexOf("password: ") + 10).strip())).isTrue();

        out.reset();
        assertThat(users("", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("li.si ANALYST disabled", "wang.wu FINANCE")
                .doesNotContain("$2");
    }

    @Test
    void a_refused_change_exits_1_with_the_reason_and_a_wrong_command_2_with_the_usage() {
        assertThat(users("short\n", "add", "zhao.liu", "FINANCE", "--password-stdin")).isEqualTo(1);
        assertThat(users("", "add", "zhao.liu", "BOSS")).isEqualTo(1);
        assertThat(users("", "disable", "nobody")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("密码至少", "role", "nobody");
        assertThat(db.count("select count(*) from app_user")).isZero();

        assertThat(users("", "remove", "zhao.liu")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: users add");
    }
}
