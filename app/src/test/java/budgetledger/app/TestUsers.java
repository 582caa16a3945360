package budgetledger.app;

import budgetledger.security.Role;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first users of a test application, with passwords known to the test: set through the same properties as
 * the BUDGET_LEDGER_INITIAL_PASSWORD_* variables, so the app creates them itself on its first start. Any password
 * left random would land in a temporary folder, never in the home directory.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    public static String password(Role role) {
        return "test-" + name(role) + "-password";
    }

    public static void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same properties as a map (LedgerApp). */
    public static java.util.Map<String, Object> properties() {
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (Role role : Role.values()) {
            properties.put("budget-ledger.initial-users.passwords." + name(role), password(role));
        }
        properties.put("budget-ledger.initial-users.credentials-file", credentialsFile());
        return properties;
    }

    /** The same, as command-line arguments for SpringApplicationBuilder.run. */
    public static List<String> args() {
        List<String> args = new ArrayList<>();
        for (Role role : Role.values()) {
            args.add("--budget-ledger.initial-users.passwords." + name(role) + "=" + password(role));
        }
        args.add("--budget-ledger.initial-users.credentials-file=" + credentialsFile());
        return args;
    }

    private static String credentialsFile() {
        try {
            return Files.createTempDirectory("budget-ledger-test-users").resolve("initial-credentials.txt").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
