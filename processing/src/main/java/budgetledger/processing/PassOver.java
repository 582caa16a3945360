package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import budgetledger.projections.ReplayProgress;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A handler interceptor of the ledger-core processor that passes over some events of a processor's batch: no
 * projection sees them, and their position still counts for ReplayProgress (a rebuild waits on it). Only in a
 * processor's batch: a dead letter retried is always applied. A batch one of whose events is not passed over writes
 * read-model rows, and plans its statements from then on for the tables as they are (ProjectionTransactions.planAfresh).
 */
abstract class PassOver implements MessageHandlerInterceptor<EventMessage<?>> {

    private final ReplayProgress replay;
    /** The batch's connection (Spring binds it to the processor's transaction): for the subclasses' reads too. */
    final JdbcTemplate jdbc;

    PassOver(ReplayProgress replay, JdbcTemplate jdbc) {
        this.replay = replay;
        this.jdbc = jdbc;
    }

    @Autowired
    void ledgerCoreInterceptor(EventProcessingConfigurer processing) {
        processing.registerHandlerInterceptor(LedgerProcessing.CORE, config -> this);
    }

    /** Whether {@code event}, one of {@code batch}'s messages, is to be passed over. */
    abstract boolean passesOver(BatchingUnitOfWork<?> batch, EventMessage<?> event);

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batch) {
            if (passesOver(batch, unitOfWork.getMessage())) {
                if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
                    replay.passed(tracked.trackingToken());
                }
                return null;
            }
            ProjectionTransactions.planAfresh(batch, jdbc);
        }
        return interceptorChain.proceed();
    }
}
