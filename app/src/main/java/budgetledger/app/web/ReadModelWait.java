package budgetledger.app.web;

import budgetledger.app.projection.ReadModelProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * After a change the console shows the new figures: it waits (a bounded while) until the read models have handled
 * every event stored so far, since they follow the event store a moment behind.
 */
@Component
class ReadModelWait {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final long PAUSE_MILLIS = 20;

    private final JdbcTemplate jdbc;
    private final ReadModelProgress progress;

    ReadModelWait(JdbcTemplate jdbc, ReadModelProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    /** True when the read models caught up within the limit. */
    boolean untilCurrent() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!progress.reached(head == null ? -1 : head)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
