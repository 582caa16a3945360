package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of the ledger-core processor commit without waiting for the disk ({@code synchronous_commit =
 * off}), unless {@code budget-ledger.processing.durable-batches} is true, and plan their statements afresh once they
 * write read-model rows ({@link #planAfresh}). Issue 18: an acknowledged change waits for
 * two commits one after the other, its event's (with the seal) and then the projection batch's; only the first
 * holds a fact. A batch's rows and its token commit together, so a crash that loses such a commit (at most
 * {@code wal_writer_delay} after it was made visible) loses both whole, and the processor applies the same events
 * again from the token that survived: the read models are rebuildable, the journal is not. Visibility is unchanged:
 * a committed batch is seen by every reader at once, so read-your-writes holds as before.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionTransactions {

    private static final String PLANNED_AFRESH = ProjectionTransactions.class.getName() + ".plannedAfresh";

    @Autowired
    void ledgerCoreTransactions(EventProcessingConfigurer processing, TransactionManager transactions,
                                JdbcTemplate jdbc,
                                @Value("${budget-ledger.processing.durable-batches:false}") boolean durable) {
        processing.registerTransactionManager(LedgerProcessing.CORE, config -> batches(transactions, jdbc, durable));
    }

    /** Spring's transactions, each, unless durable, committing without waiting for the WAL to reach the disk. */
    static TransactionManager batches(TransactionManager transactions, JdbcTemplate jdbc, boolean durable) {
        if (durable) {
            return transactions;
        }
        return () -> {
            Transaction transaction = transactions.startTransaction();
            try {
                // A utility statement: PostgreSQL does not plan it (a SELECT of set_config was planned every batch).
                jdbc.execute("set local synchronous_commit = off");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        };
    }

    /**
     * Once per batch, when its first event reaches the projections: the batch's statements from then on are planned
     * for their own parameters and the tables as they are now ({@code plan_cache_mode = force_custom_plan}). Why: a
     * rebuild truncates {@code budget_line} and fills it again, and a generic plan a connection cached while the table
     * was nearly empty (a scan of the table for each batch's unnested keys) went on being used as it grew to 100,000
     * lines: two rebuilds of three in a full bench run took three times as long, the processor threads waiting on the
     * line writes (JFR: 37 s of slow socket reads in one 53 s rebuild, against 2 s in a 17 s one). Why not from the
     * batch's start: most batches at the head of the stream apply nothing (their changes were written in the
     * commands' transactions, ShownEvents) and only read the progress and store the token, and Axon's token UPDATE
     * was then planned on every batch, at more than it cost to run (pg_stat_statements with track_planning, path 1:
     * 135 microseconds of planning per batch against 75 of execution).
     */
    static void planAfresh(UnitOfWork<?> batch, JdbcTemplate jdbc) {
        batch.root().getOrComputeResource(PLANNED_AFRESH, key -> {
            planAfresh(jdbc);
            return Boolean.TRUE;
        });
    }

    /** The same for the rest of the current transaction, whatever its units of work (BatchedReplay's spans). */
    static void planAfresh(JdbcTemplate jdbc) {
        jdbc.execute("set local plan_cache_mode = force_custom_plan");
    }
}
