package budgetledger.app.projection;

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

    private final ReadModelProgress progress;
    private final JdbcTemplate jdbc;

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
    public void balance() {
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
            for (int i = share; i < held.size(); i++) {
                int segment = held.get(held.size() - 1 - (i - share));
                log.info("{} nodes share {} segments: releasing segment {} of {}", nodes, segments, segment,
                        LedgerProcessing.CORE);
                processor.releaseSegment(segment, 30, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            log.debug("segment balance skipped: {}", e.toString());
        }
    }
}
