package budgetledger.app;

import budgetledger.app.cli.LedgerCli;
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

    /** One command line (LedgerCli): without a command, or with {@code serve}, the server; else a job that exits. */
    public static void main(String[] args) {
        LedgerCli cli = new LedgerCli(BudgetLedgerApplication.class, System.in, System.out, System.err);
        int status = cli.run(args);
        if (!cli.serving()) {
            System.exit(status);
        }
    }
}
