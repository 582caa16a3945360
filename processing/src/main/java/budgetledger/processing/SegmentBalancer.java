package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shares the ledger-core segments between the nodes on one database. Axon's tracking processor claims every
 * segment it has a thread for, so the node that starts first would hold them all; every few seconds each node
 * counts the live nodes (their connections in pg_stat_activity, named by {@link #APPLICATION_NAME_PREFIX}) and,
 * holding more than its share, releases the surplus for a while so that an idle node claims it. A node alone
 * keeps every segment; when a node stops, or its claims time out after a crash, the others claim its segments.
 */
@Component
public class SegmentBalancer {

    /** Every node's connections carry this application name followed by its token owner (pid@host). */
    public static final String APPLICATION_NAME_PREFIX = "budget-ledger/";

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** How long a released segment stays released, for another node to claim it. */
    static final long RELEASE_SECONDS = 30;

    private final ReadModelProgress progress;
    private final JdbcTemplate jdbc;
    private long lastReleaseNanos;
    private long quietUntilNanos;

    public SegmentBalancer(ReadModelProgress progress, JdbcTemplate jdbc) {
        this.progress = progress;
        this.jdbc = jdbc;
    }

    /** The name this node's connections carry: the prefix and the owner Axon writes into token_entry. */
    public static String applicationName() {
        String name = APPLICATION_NAME_PREFIX + ManagementFactory.getRuntimeMXBean().getName();
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    @Scheduled(initialDelayString = "${budget-ledger.processing.balance-interval-ms:10000}",
            fixedDelayString = "${budget-ledger.processing.balance-interval-ms:10000}")
    public synchronized void balance() {
        try {
            var processor = progress.processor();
            if (!processor.isRunning()) {
                return;
            }
            Integer nodes = jdbc.queryForObject("select count(distinct application_name) from pg_stat_activity "
                    + "where datname = current_database() and application_name like ?", Integer.class,
                    APPLICATION_NAME_PREFIX + "%");
            Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                    Integer.class, LedgerProcessing.CORE);
            if (nodes == null || nodes < 2 || segments == null || segments < 2) {
                return;
            }
            int share = (segments + nodes - 1) / nodes;
            List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
            long now = System.nanoTime();
            if (held.size() <= share || now < quietUntilNanos) {
                return;
            }
            long sinceRelease = now - lastReleaseNanos;
            if (lastReleaseNanos != 0 && sinceRelease <= TimeUnit.SECONDS.toNanos(RELEASE_SECONDS)) {
                return; // the release is under way
            }
            if (lastReleaseNanos != 0 && sinceRelease < TimeUnit.SECONDS.toNanos(4 * RELEASE_SECONDS)) {
                // Released a moment ago and taken back: no other node claimed it (a node that is counted by its
                // connections but does not claim, e.g. one cut off whose connections PostgreSQL has not yet
                // dropped). Keep it, so that processing does not stall, and look again later.
                quietUntilNanos = now + TimeUnit.MINUTES.toNanos(10);
                log.info("a released segment of {} was not claimed by another node; keeping it", LedgerProcessing.CORE);
                return;
            }
            lastReleaseNanos = now;
            for (int i = share; i < held.size(); i++) {
                int segment = held.get(held.size() - 1 - (i - share));
                log.info("{} nodes share {} segments: releasing segment {} of {}", nodes, segments, segment,
                        LedgerProcessing.CORE);
                processor.releaseSegment(segment, RELEASE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            log.debug("segment balance skipped: {}", e.toString());
        }
    }
}
