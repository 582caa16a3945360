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
import java.util.Arrays;

/**
 * The auditors' jobs from the shell: {@code verify} walks the hash chain, {@code rebuild} rebuilds every read model
 * from zero and compares checksums. Both start the ledger without its web server, on the configured database
 * (with the embedded PostgreSQL, stop the app first: it serves one process), and exit 0 when all is well.
 */
public final class AuditCommand {

    private AuditCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("verify") || args[0].equals("rebuild"));
    }

    /** Returns the exit status: 0 ok, 1 a problem found (or the database cannot be opened). */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String[] properties = Arrays.stream(args).skip(1).filter(a -> a.startsWith("--")).toArray(String[]::new);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("budget-ledger.load-sample=false", "logging.level.root=warn")
                    .run(properties);
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
            if (args[0].equals("verify")) {
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
