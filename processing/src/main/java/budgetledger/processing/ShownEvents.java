package budgetledger.processing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ledger-core processor passes over an event the read models already show: its budget's {@code budget_progress}
 * is at or past the event's sequence, which means every ledger-core read model shows the budget's events up to there
 * (BudgetProgress). Issue 18: a change written in its command's own transaction (LinesInCommandTransaction) reached
 * the processor afterwards and was applied again, changing nothing: its payload deserialised, its handlers found
 * and called, two statements per batch; in a profile of path 1 the processor and the event store's reader took two
 * fifths of the JVM's CPU. One query per batch reads the progress of the batch's budgets, in the batch's transaction.
 * <p>
 * Safe in a replay too: a reset truncates {@code budget_progress} with the read models, so it shows only what the
 * replay (or a command's claim since) has applied again. An event after a budget's parked one is never passed over:
 * nothing moves the progress past the parked event (its later events are parked behind it, claims are refused), and
 * a dead letter retried is not looked at here. The event's position still counts for ReplayProgress.
 */
@Component
public class ShownEvents extends PassOver.Rule {

    private static final String RESOURCE = ShownEvents.class.getName();

    private final LongAdder passedOver = new LongAdder();

    public ShownEvents(JdbcTemplate jdbc) {
        super(jdbc);
    }

    // A dead letter retried is never looked at (PassOver: only a processor's batch): a handler that ran before the
    // one that failed may have counted the parked event in budget_progress; Axon does not undo it.
    @Override
    boolean passesOver(BatchingUnitOfWork<?> batch, EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
            Map<String, Long> shown = batch.getOrComputeResource(RESOURCE, key -> progressOf(batch.getMessages()));
            Long applied = shown.get(event.getAggregateIdentifier());
            if (applied != null && applied >= event.getSequenceNumber()) {
                passedOver.increment();
                return true;
            }
        }
        return false;
    }

    /** How far the read models show each budget of the events, as the transaction sees {@code budget_progress}. */
    private Map<String, Long> progressOf(List<? extends Message<?>> messages) {
        Set<String> budgets = new LinkedHashSet<>();
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                budgets.add(event.getAggregateIdentifier());
            }
        }
        Map<String, Long> shown = new HashMap<>();
        if (!budgets.isEmpty()) {
            jdbc.query("select budget_id, applied_sequence from budget_progress where budget_id = any(?)",
                    rs -> {
                        shown.put(rs.getString(1), rs.getLong(2));
                    }, (Object) budgets.toArray(String[]::new));
        }
        return shown;
    }

    /** Events passed over since this node started (ReadYourWritesTest reads it). */
    public long passedOver() {
        return passedOver.sum();
    }
}
