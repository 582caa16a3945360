package budgetledger.app;

import budgetledger.app.cli.LedgerCli;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The one command line of the jar: which words reach which job, what a wrong word gets, and the help. */
class LedgerCliTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return new LedgerCli(BudgetLedgerApplication.class, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String complained() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_lists_every_command_and_exits_0() {
        assertThat(run("help")).isZero();
        assertThat(printed()).contains("用法", "serve", "import", "export", "verify", "rebuild", "users", "help");
        assertThat(run("--help")).isZero();
        assertThat(printed()).contains("serve", "import", "export");
        assertThat(run("help", "export")).isZero();
        assertThat(printed()).contains("BUDGET_ID", "--table", "--format", "--out");
        assertThat(run("help", "users")).isZero();
        assertThat(printed()).contains("usage: users add", "users list");
    }

    @Test
    void an_unknown_command_exits_2_naming_the_word() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(complained()).contains("frobnicate", "用法");
        assertThat(printed()).isEmpty();
    }

    @Test
    void a_missing_or_extra_argument_exits_2_naming_it() {
        assertThat(run("export")).isEqualTo(2);
        assertThat(complained()).contains("BUDGET_ID", "用法");
        assertThat(run("import", "a.txt", "b.txt")).isEqualTo(2);
        assertThat(complained()).contains("b.txt");
        assertThat(run("verify", "now")).isEqualTo(2);
        assertThat(complained()).contains("now");
        assertThat(run("export", "062-2026", "--table")).isEqualTo(2);
        assertThat(complained()).contains("--table");
    }

    @Test
    void an_unknown_user_command_exits_2_with_the_users_usage() {
        assertThat(run("users", "remove", "zhao.liu")).isEqualTo(2);
        assertThat(complained()).contains("remove", "usage: users add");
        assertThat(run("users")).isEqualTo(2);
        assertThat(complained()).contains("usage: users add");
        assertThat(run("users", "add", "zhao.liu")).isEqualTo(2);
        assertThat(complained()).contains("<FINANCE|AUDITOR|ANALYST|ADMIN>", "users add");
    }

    @Test
    void a_user_command_reaches_the_database_with_the_spring_properties_given() {
        TestDatabase db = TestDatabase.create();
        assertThat(run("users", "add", "zhao.liu", "ANALYST", "--budget-ledger.db.url=" + db.url,
                "--budget-ledger.db.user=" + db.user)).as(complained()).isZero();
        assertThat(run("users", "list", "--budget-ledger.db.url=" + db.url, "--budget-ledger.db.user=" + db.user))
                .as(complained()).isZero();
        assertThat(printed()).contains("zhao.liu ANALYST");
    }
}
