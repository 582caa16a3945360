package budgetledger.app.cli;

import java.io.PrintStream;

/**
 * Progress of a long job: on a terminal one line redrawn in place with a spinner-like bar of the steps done; to
 * a file or pipe one plain line per step, so that logs stay readable.
 */
final class Progress {

    private static final int WIDTH = 20;

    private final PrintStream err;
    private final boolean terminal;
    private int steps;
    private final long startedMillis = System.currentTimeMillis();

    Progress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    void step(String message) {
        steps++;
        long elapsedMillis = System.currentTimeMillis() - startedMillis;
        String seconds = String.format("%5.1fs", elapsedMillis / 1000.0);
        if (terminal) {
            int filled = Math.min(WIDTH, steps * 3);
            String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
            err.print("\r\033[K[" + bar + "] " + seconds + " " + message);
            err.flush();
        } else {
            err.println("[" + seconds + "] " + message);
        }
    }

    /** Ends the redrawn line, so that what follows starts on its own. */
    void done() {
        if (terminal && steps > 0) {
            err.println();
            steps = 0;
        }
    }
}
