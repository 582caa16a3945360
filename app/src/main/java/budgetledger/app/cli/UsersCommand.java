package budgetledger.app.cli;

import budgetledger.security.PasswordHashing;
import budgetledger.security.Role;
import budgetledger.security.UserAccounts;
import budgetledger.app.config.DatabaseConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.ErrorResponseException;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code java -jar budget-ledger.jar users ...}: manage users from the shell, on the database the app is
 * configured with, without starting the web server or Axon. Arguments of the form {@code --key=value} are Spring
 * properties ({@code --budget-ledger.db.url=...}), as for the app itself.
 */
public final class UsersCommand {

    static final String USAGE = """
            usage: users add <name> <FINANCE|AUDITOR|ANALYST|ADMIN> [--password-stdin]
                   users password <name> [--password-stdin]
                   users disable <name>
                   users enable <name>
                   users list
            Without --password-stdin a random password is made up and printed.""";

    private UsersCommand() {
    }

    /** Only what user management needs: the database, its migrations, BCrypt and the users table. */
    @Import({DatabaseConfiguration.class, PasswordHashing.class, UserAccounts.class})
    static class Context {
        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            // The CLI may be the first thing to touch a new database: create the tables as the app would.
            Flyway.configure().dataSource(dataSource).load().migrate();
            return new JdbcTemplate(dataSource);
        }
    }

    /**
     * Runs one user command, {@code words} after "users" as LedgerCli read them (add NAME ROLE, password NAME, disable
     * NAME, enable NAME, list); returns the exit status: 0 done, 1 refused.
     */
    static int run(List<String> words, boolean passwordStdin, List<String> properties, InputStream in, PrintStream out,
                   PrintStream err) {
        String command = words.get(0);
        ConfigurableApplicationContext started;
        try {
            started = new SpringApplicationBuilder(Context.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("logging.level.root=warn", "logging.level.org.springframework.boot.SpringApplication=off")
                    .run(properties.toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            err.println("cannot open the ledger's database: " + cause.getMessage());
            err.println("(the embedded PostgreSQL serves one process: stop the app first, or use the admin API)");
            return 1;
        }
        try (ConfigurableApplicationContext context = started) {
            UserAccounts users = context.getBean(UserAccounts.class);
            switch (command) {
                case "add" -> {
                    Role role = UserAccounts.role(words.get(2));
                    String password = passwordStdin ? firstLine(in) : UserAccounts.randomPassword();
                    users.add(words.get(1), role, password);
                    out.println("added " + words.get(1) + " (" + role + ")" + (passwordStdin ? "" : ", password: " + password));
                }
                case "password" -> {
                    String password = passwordStdin ? firstLine(in) : UserAccounts.randomPassword();
                    users.changePassword(words.get(1), password);
                    out.println("changed the password of " + words.get(1) + (passwordStdin ? "" : " to: " + password));
                }
                case "disable", "enable" -> {
                    users.setEnabled(words.get(1), command.equals("enable"));
                    out.println(command + "d " + words.get(1));
                }
                default -> users.list().forEach(user ->
                        out.println(user.name() + " " + user.role() + (user.enabled() ? "" : " disabled")));
            }
            return 0;
        } catch (ErrorResponseException e) {
            err.println(e.getBody().getDetail());
            return 1;
        }
    }

    private static String firstLine(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the password from standard input", e);
        }
    }
}
