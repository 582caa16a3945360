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
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The handler interceptor of the ledger-core processor that passes over some events of a processor's batch, by its
 * rules ({@link Rule}: ShownEvents, ReplayReadsTheJournal): no projection sees an event one of them passes over. Every
 * event of a batch counts for ReplayProgress (a rebuild waits on it), passed over, handled or parked. Only in a
 * processor's batch: a dead letter retried is always applied. A batch one of whose events no rule passes over writes
 * read-model rows, and plans its statements from then on for the tables as they are (ProjectionTransactions.planAfresh).
 * One interceptor asks every rule, so that an event reaches that point only once all of them let it through: with an
 * interceptor per rule, the first one (the journal's, outside a replay never passing anything over) switched every
 * batch to custom plans before the second read the progress and passed the event over.
 */
@Component
public class PassOver implements MessageHandlerInterceptor<EventMessage<?>> {

    /** A reason to pass over an event of a processor's batch. */
    abstract static class Rule {

        /** The batch's connection (Spring binds it to the processor's transaction), for the rule's reads. */
        final JdbcTemplate jdbc;

        Rule(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** Whether {@code event}, one of {@code batch}'s messages, is to be passed over. */
        abstract boolean passesOver(BatchingUnitOfWork<?> batch, EventMessage<?> event);
    }

    private final List<Rule> rules;
    private final ReplayProgress replay;
    private final JdbcTemplate jdbc;

    public PassOver(List<Rule> rules, ReplayProgress replay, JdbcTemplate jdbc) {
        this.rules = List.copyOf(rules);
        this.replay = replay;
        this.jdbc = jdbc;
    }

    @Autowired
    void ledgerCoreInterceptor(EventProcessingConfigurer processing) {
        processing.registerHandlerInterceptor(LedgerProcessing.CORE, config -> this);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batch) {
            // Counted before it is handled: an event the dead-letter queue parks (its budget is parked already, or a
            // projection fails on it) reaches no handler, and a rebuild whose last events were parked waited for them
            // until it timed out. A rebuild also waits for the segments' tokens, which move only when the batch
            // commits.
            if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
                replay.passed(tracked.trackingToken());
            }
            for (Rule rule : rules) {
                if (rule.passesOver(batch, unitOfWork.getMessage())) {
                    return null;
                }
            }
            ProjectionTransactions.planAfresh(batch, jdbc);
        }
        return interceptorChain.proceed();
    }
}
