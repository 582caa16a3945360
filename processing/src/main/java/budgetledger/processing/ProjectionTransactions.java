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
 * The transactions of the ledger-core processor commit without waiting for the disk ({@code synchronous_commit =
 * off}), unless {@code budget-ledger.processing.durable-batches} is true. Issue 18: an acknowledged change waits for
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
        if (durable) {
            return;
        }
        processing.registerTransactionManager(LedgerProcessing.CORE, config -> asynchronous(transactions, jdbc));
    }

    /** Spring's transactions, each told to commit without waiting for the WAL to reach the disk. */
    static TransactionManager asynchronous(TransactionManager transactions, JdbcTemplate jdbc) {
        return () -> {
            Transaction transaction = transactions.startTransaction();
            try {
                jdbc.execute("set local synchronous_commit = off");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        };
    }
}
