package budgetledger.projections;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the statements of one event handler under a savepoint of the processor's transaction. In PostgreSQL a
 * failed statement spoils its whole transaction, so without it one event a handler cannot apply would take the
 * batch down with it; with it the batch goes on, and the event goes to the dead-letter queue of its budget
 * (AxonConfiguration) in the same transaction. Handlers that only gather writes for the batch's commit
 * (BudgetLineProjection) need none: their statements do not run in the handler.
 */
@Component
public class Savepoint {

    private final TransactionTemplate nested;

    public Savepoint(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public void run(Runnable statements) {
        nested.executeWithoutResult(status -> statements.run());
    }
}
