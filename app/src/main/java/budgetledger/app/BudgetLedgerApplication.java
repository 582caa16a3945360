package budgetledger.app;

import budgetledger.app.cli.AuditCommand;
import budgetledger.app.cli.UsersCommand;
import budgetledger.app.cli.LedgerCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Budget Ledger: the Spring Boot application that assembles the command side, projections and queries. */
@SpringBootApplication(scanBasePackages = "budgetledger")
@EnableScheduling
public class BudgetLedgerApplication {

    static {
        // Axon checks for updates at start-up by calling out to its own host; the ledger talks to its database only.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length); // the default: start the server
        } else if (args.length > 0 && (args[0].equals("help") || args[0].equals("--help"))) {
            System.out.println(LedgerCommand.USAGE);
            System.exit(0);
        }
        if (LedgerCommand.handles(args)) {
            System.exit(LedgerCommand.run(BudgetLedgerApplication.class, args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("users")) {
            // User management from the shell: does its work on the database and exits, no web server.
            System.exit(UsersCommand.run(args, System.in, System.out, System.err));
        }
        if (AuditCommand.handles(args)) {
            System.exit(AuditCommand.run(BudgetLedgerApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(BudgetLedgerApplication.class, args);
    }
}
