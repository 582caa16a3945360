package budgetledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start creates one user per role: a password given in the environment is used and never shown, the
 * others are random, printed once and written to an owner-only file; a later start changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class InitialUsersTest {

    final TestDatabase db = TestDatabase.create();

    @TempDir
    Path home;

    ConfigurableApplicationContext start(Path credentials) {
        return new SpringApplicationBuilder(BudgetLedgerApplication.class).run(
                "--budget-ledger.db.url=" + db.url, "--budget-ledger.db.user=" + db.user, "--server.port=0",
                "--budget-ledger.db.max-pool-size=5",
                "--budget-ledger.initial-users.credentials-file=" + credentials,
                // As BUDGET_LEDGER_INITIAL_PASSWORD_ADMIN would set it.
                "--budget-ledger.initial-users.passwords.admin=admin-from-the-environment");
    }

    String hash(String name) {
        return db.text("select password_hash from app_user where user_name = ?", name);
    }

    @Test
    void the_first_start_creates_four_users_with_random_passwords_written_once_to_an_owner_only_file(
            CapturedOutput output) throws Exception {
        Path credentials = home.resolve(".budget-ledger").resolve("initial-credentials.txt");
        Map<String, String> passwords = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = start(credentials)) {
            PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
            assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            for (String line : Files.readAllLines(credentials)) {
                if (!line.startsWith("#")) {
                    passwords.put(line.split(" ")[0], line.split(" ")[1]);
                }
            }
            assertThat(passwords).containsOnlyKeys("finance", "auditor", "analyst");
            passwords.forEach((name, password) -> {
                assertThat(password).hasSizeGreaterThanOrEqualTo(16);
                assertThat(encoder.matches(password, hash(name))).as(name).isTrue();
                assertThat(hash(name)).startsWith("$2").doesNotContain(password);
            });
            assertThat(passwords.get("finance")).isNotEqualTo(passwords.get("auditor"));
            assertThat(encoder.matches("admin-from-the-environment", hash("admin"))).isTrue();
        }
        String written = Files.readString(credentials);

        try (ConfigurableApplicationContext again = start(credentials)) {
            assertThat(db.count("select count(*) from app_user")).isEqualTo(4);
        }
        assertThat(Files.readString(credentials)).isEqualTo(written);
        // Printed once, on the first start, and nowhere else in the output (the logs included).
        passwords.values().forEach(password -> assertThat(output.getAll().split(password, -1)).hasSize(2));
        assertThat(output.getAll()).doesNotContain("admin-from-the-environment");
    }
}
