package budgetledger.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * On the first start (no users at all) creates finance, auditor, analyst and admin. A password given in
 * {@code budget-ledger.initial-users.passwords.<name>} (the BUDGET_LEDGER_INITIAL_PASSWORD_* variables) is used
 * as it is and never shown; the others are random, printed once to the console and written to a file only the
 * owner can read. There is no fixed default password anywhere.
 */
@Component
@EnableConfigurationProperties(InitialUsers.Settings.class)
public class InitialUsers implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

    @ConfigurationProperties("budget-ledger.initial-users")
    public record Settings(Path credentialsFile, Map<String, String> passwords) {
    }

    private final UserAccounts users;
    private final Settings settings;

    public InitialUsers(UserAccounts users, Settings settings) {
        this.users = users;
        this.settings = settings;
    }

    /**
     * Creates the users before the web server opens its port (a runner would run after it): a client that sees the
     * application up can sign in at once.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!users.none()) {
            return;
        }
        Map<String, String> generated = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase(Locale.ROOT);
            String given = settings.passwords() == null ? null : settings.passwords().get(name);
            boolean random = given == null || given.isEmpty();
            String password = random ? UserAccounts.randomPassword() : given;
            // Another instance starting on the same database may have won the race; then its passwords hold.
            if (users.addIfAbsent(name, role, password) && random) {
                generated.put(name, password);
            }
        }
        log.info("First start: created users finance, auditor, analyst, admin");
        if (!generated.isEmpty()) {
            writeCredentials(generated);
        }
    }

    private void writeCredentials(Map<String, String> generated) {
        StringBuilder text = new StringBuilder(
                "# Budget Ledger: first passwords, created once. Change them, then delete this file.\n");
        generated.forEach((name, password) -> text.append(name).append(' ').append(password).append('\n'));
        Path file = settings.credentialsFile();
        // Straight to the console and never through the logger, so the passwords do not reach log files.
        System.out.println("\n" + text + "# also written to " + file + " (readable by its owner only)\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial credentials to " + file, e);
        }
        log.info("First passwords of {} written to {}", generated.keySet(), file);
    }
}
