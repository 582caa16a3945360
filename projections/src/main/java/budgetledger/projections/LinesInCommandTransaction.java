package budgetledger.projections;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.LineItemsImported;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 18: a change to a budget's lines written to {@code budget_line} in the command's own transaction, so that an
 * acknowledged change waits for one commit and not also for a processor batch. The storage engine calls it with each
 * append's events, after them, in their transaction (the audit module's ChainingEventStorageEngine; a group commit's
 * when the command's append is committed with others). The ledger-core processor still receives every event (it is what a
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
public class LinesInCommandTransaction {

    /**
     * The events no ledger-core read model but {@code budget_line} handles (LinesInCommandTransactionTest checks it
     * against the projections). A command made of other events leaves all of its events to the processor.
     */
    static final Set<Class<?>> LINE_ONLY = Set.of(BudgetLineAppropriated.class, BudgetLinesAppropriated.class,
            BudgetLineAdjusted.class, BudgetAmountTransferred.class, BudgetEventReversed.class,
            LineItemsImported.class);

    private final JdbcTemplate jdbc;
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();

    public LinesInCommandTransaction(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The events one append wrote (a command's), in their transaction before it commits. */
    public void write(List<? extends EventMessage<?>> appended) {
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
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        remember(budgetId, written);
                    }
                });
            } else if (CurrentUnitOfWork.isStarted()) {
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
}
