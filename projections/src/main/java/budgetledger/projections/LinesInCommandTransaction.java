package budgetledger.projections;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.LineItemsImported;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 18: a change to a budget's lines written to {@code budget_line} in the command's own transaction, so that an
 * acknowledged change waits for one commit and not also for a processor batch. Subscribed to the event bus: Axon hands
 * a subscriber the unit of work's events in its prepare-commit phase, after the append and before the commit, in the
 * same transaction (what a subscribing processor does, without its nested unit of work and handler lookup per event,
 * a tenth of a command's time in a profile). The ledger-core processor still receives every event (it is what a
 * rebuild replays) and passes over one its budget's progress already shows (the processing module's ShownEvents);
 * applying one again would change nothing anyway (rows keep the newest sequence).
 * <p>
 * Written here only when it keeps the read models a prefix of the budget's events: every event of the command is
 * one whose only ledger-core read model is {@code budget_line} ({@link #LINE_ONLY}), they are one budget's in
 * sequence, and the read models hold exactly the budget's events before them with nothing of it parked
 * (BudgetProgress's claim, which then moves the budget's progress to the command's last event). Otherwise nothing is
 * written here and the processor applies the events as before (read your writes then waits for it).
 */
@Component
public class LinesInCommandTransaction implements SmartLifecycle {

    /**
     * The events no ledger-core read model but {@code budget_line} handles (LinesInCommandTransactionTest checks it
     * against the projections). A command made of other events leaves all of its events to the processor.
     */
    static final Set<Class<?>> LINE_ONLY = Set.of(BudgetLineAppropriated.class, BudgetLinesAppropriated.class,
            BudgetLineAdjusted.class, BudgetAmountTransferred.class, BudgetEventReversed.class,
            LineItemsImported.class);

    private final EventBus events;
    private final JdbcTemplate jdbc;
    private volatile Registration subscription;
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();

    public LinesInCommandTransaction(EventBus events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** The events one unit of work appended (a command's), in its transaction before it commits. */
    void write(List<? extends EventMessage<?>> appended) {
        if (appended.isEmpty() || !(appended.get(0) instanceof DomainEventMessage<?> first)) {
            return;
        }
        String budgetId = first.getAggregateIdentifier();
        long firstSequence = first.getSequenceNumber();
        for (int i = 0; i < appended.size(); i++) {
            if (!(appended.get(i) instanceof DomainEventMessage<?> event) || !LINE_ONLY.contains(event.getPayloadType())
                    || !budgetId.equals(event.getAggregateIdentifier()) || event.getSequenceNumber() != firstSequence + i) {
                return;
            }
        }
        BudgetLineProjection.LineWrites writes = new BudgetLineProjection.LineWrites(jdbc, false);
        for (EventMessage<?> event : appended) {
            writes.apply(event.getPayload(), ((DomainEventMessage<?>) event).getSequenceNumber());
        }
        long lastSequence = firstSequence + appended.size() - 1;
        OptionalLong position = writes.flushAfterClaim(BudgetProgress.CLAIM_SQL, lastSequence, budgetId,
                firstSequence - 1, budgetId);
        if (position.isPresent()) {
            Shown written = new Shown(lastSequence, position.getAsLong());
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(uow -> remember(budgetId, written));
            } else {
                remember(budgetId, written);
            }
        }
    }

    /**
     * A budget's newest change written here in its command's transaction: its sequence and position (global index).
     * Once that transaction committed, the read models showed every event of the budget up to this sequence (the
     * claim moves the budget's progress from exactly the event before), so read your writes needs no query for a
     * write at or before it.
     */
    public record Shown(long sequence, long position) {
    }

    private void remember(String budgetId, Shown written) {
        shown.merge(budgetId, written, (old, now) -> now.sequence() > old.sequence() ? now : old);
    }

    /**
     * The budget's newest change written by a command's own transaction on this node and committed, if any (one
     * small entry per budget written here).
     */
    public Optional<Shown> newestShown(String budgetId) {
        return Optional.ofNullable(shown.get(budgetId));
    }

    /** Subscribed before the web server and the processors start: a command in between would only not be written here. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void start() {
        subscription = events.subscribe(this::write);
    }

    @Override
    public void stop() {
        Registration registered = subscription;
        subscription = null;
        if (registered != null) {
            registered.cancel();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
