package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of the ledger-core processor plan each statement afresh (see {@link #batches}) and commit without
 * waiting for the disk ({@code synchronous_commit = off}), unless {@code budget-ledger.processing.durable-batches} is
 * true. Issue 18: an acknowledged change waits for
 * two commits one after the other, its event's (with the seal) and then the projection batch's; only the first
 * holds a fact. A batch's rows and its token commit together, so a crash that loses such a commit (at most
 * {@code wal_writer_delay} after it was made visible) loses both whole, and the processor applies the same events
 * again from the token that survived: the read models are rebuildable, the journal is not. Visibility is unchanged:
 * a committed batch is seen by every reader at once, so read-your-writes holds as before.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionTransactions {

    @Autowired
    void ledgerCoreTransactions(EventProcessingConfigurer processing, TransactionManager transactions,
                                JdbcTemplate jdbc,
                                @Value("${budget-ledger.processing.durable-batches:false}") boolean durable) {
        processing.registerTransactionManager(LedgerProcessing.CORE, config -> batches(transactions, jdbc, durable));
    }

    /**
     * Spring's transactions, each told to plan every statement for its own parameters and the tables as they are
     * now ({@code plan_cache_mode = force_custom_plan}), and unless durable to commit without waiting for the WAL to
     * reach the disk. Why the plans: a rebuild truncates {@code budget_line} and fills it again, and a generic plan
     * a connection cached while the table was nearly empty (a scan of the table for each batch's unnested keys) went
     * on being used as it grew to 100,000 lines: two rebuilds of three in a full bench run took three times as long,
     * the processor threads waiting on the line writes (JFR: 37 s of slow socket reads in one 53 s rebuild, against
     * 2 s in a 17 s one). A batch runs a handful of statements, so planning each costs little.
     */
    static TransactionManager batches(TransactionManager transactions, JdbcTemplate jdbc, boolean durable) {
        String settings = "select set_config('plan_cache_mode', 'force_custom_plan', true)"
                + (durable ? "" : ", set_config('synchronous_commit', 'off', true)");
        return () -> {
            Transaction transaction = transactions.startTransaction();
            try {
                jdbc.query(settings, rs -> { });
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        };
    }
}
