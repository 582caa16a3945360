package budgetledger.app.cli;

import budgetledger.audit.AuditService;
import budgetledger.audit.Verification;
import budgetledger.processing.ProjectionRebuild;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The auditors' jobs from the shell: {@code verify} walks the hash chain, {@code rebuild} rebuilds every read model
 * from zero and compares checksums. Both start the ledger without its web server, on the configured database
 * (with the embedded PostgreSQL, stop the app first: it serves one process), and exit 0 when all is well.
 */
public final class AuditCommand {

    private AuditCommand() {
    }

    /** Returns the exit status: 0 ok, 1 a problem found (or the database cannot be opened). */
    static int run(Class<?> application, String command, List<String> properties, PrintStream out, PrintStream err) {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("budget-ledger.load-sample=false", "logging.level.root=warn")
                    .run(properties.toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            err.println("cannot start the ledger: " + cause.getMessage());
            err.println("(with the embedded PostgreSQL, which serves one process, stop the app first)");
            return 1;
        }
        try (context) {
            if (command.equals("verify")) {
                Verification result = context.getBean(AuditService.class).verify();
                out.println((result.ok() ? "ok" : "FAILED") + ": " + result.events() + " events, chain position "
                        + result.position() + ", head hash " + result.headHash());
                if (!result.ok()) {
                    out.println("first bad position " + result.firstBadPosition() + " (global index "
                            + result.globalIndex() + "): " + result.problem());
                }
                return result.ok() ? 0 : 1;
            }
            out.println("rebuilding every read model from zero …");
            ProjectionRebuild.Result result = context.getBean(ProjectionRebuild.class).rebuildAndCompare(Duration.ofHours(2));
            out.println("checksum before " + result.before());
            out.println("checksum after  " + result.after());
            out.println(result.identical() ? "identical" : "DIFFERENT");
            return result.identical() ? 0 : 1;
        }
    }
}
