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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 18: a change to a budget's lines written to {@code budget_line} in the command's own transaction, so that an
 * acknowledged change waits for one commit and not also for a processor batch. The storage engine calls it with the
 * events of the appends it commits together, after them, in their transaction (the audit module's
 * ChainingEventStorageEngine: one append, or a group commit's). The ledger-core processor still receives every event (it is what a
 * rebuild replays) and passes over one its budget's progress already shows (the processing module's ShownEvents);
 * applying one again would change nothing anyway (rows keep the newest sequence).
 * <p>
 * Written here only when it keeps the read models a prefix of the budget's events: every event of the command is
 * one whose only ledger-core read model is {@code budget_line} ({@link #LINE_ONLY}), they are one budget's in
 * sequence, and the read models hold exactly the budget's events before them with nothing of it parked
 * (BudgetProgress's claim, which then moves the budget's progress to the command's last event). Otherwise nothing is
 * written here and the processor applies the events as before (read your writes then waits for it), and once they
 * are committed the processor is wanted (ProcessorDemand): the event store's reader at the head of the stream waits
 * longer between fetches while every event since its last one was written here.
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
    private final ProcessorDemand processorDemand;
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();

    public LinesInCommandTransaction(JdbcTemplate jdbc, ProcessorDemand processorDemand) {
        this.jdbc = jdbc;
        this.processorDemand = processorDemand;
    }

    /**
     * The events of the appends committed together (each a command's; one group commit's, or one append's), in their
     * transaction before it commits: every append that qualifies is claimed and written, the appends of a group in
     * one statement (one per budget, BudgetProgress.CLAIM_SQL).
     */
    public void write(List<? extends List<? extends EventMessage<?>>> appends) {
        List<Claim> claims = new ArrayList<>();
        for (List<? extends EventMessage<?>> appended : appends) {
            Claim claim = claimOf(appended);
            if (claim != null) {
                claims.add(claim);
            }
        }
        int written = 0;
        if (!claims.isEmpty()) {
            // The claim statement moves each budget once: two appends of one budget in a group (not expected, since a
            // node holds a budget's lock until its append commits, but the claim must not depend on it) are claimed
            // one statement each, in order.
            Set<String> budgets = new HashSet<>();
            if (claims.stream().allMatch(claim -> budgets.add(claim.budgetId()))) {
                written = writeClaimed(claims);
            } else {
                for (Claim claim : claims) {
                    written += writeClaimed(List.of(claim));
                }
            }
        }
        if (written < appends.size()) {
            // Events the read models do not show yet: the processor is wanted as soon as they are committed.
            afterCommit(processorDemand::signal);
        }
    }

    /** One append's events as a claim, or null when they are not all line-only events of one budget in sequence. */
    private static Claim claimOf(List<? extends EventMessage<?>> appended) {
        if (appended.isEmpty() || !(appended.get(0) instanceof DomainEventMessage<?> first)) {
            return null;
        }
        String budgetId = first.getAggregateIdentifier();
        long firstSequence = first.getSequenceNumber();
        for (int i = 0; i < appended.size(); i++) {
            if (!(appended.get(i) instanceof DomainEventMessage<?> event) || !LINE_ONLY.contains(event.getPayloadType())
                    || !budgetId.equals(event.getAggregateIdentifier()) || event.getSequenceNumber() != firstSequence + i) {
                return null;
            }
        }
        return new Claim(budgetId, firstSequence, appended);
    }

    /** An append's events, of one budget from {@code firstSequence} on. */
    private record Claim(String budgetId, long firstSequence, List<? extends EventMessage<?>> events) {
        long lastSequence() {
            return firstSequence + events.size() - 1;
        }
    }

    /** Claims of distinct budgets in one statement, and the lines of those that held; how many held. */
    private int writeClaimed(List<Claim> claims) {
        BudgetLineProjection.LineWrites writes = new BudgetLineProjection.LineWrites(jdbc, false);
        int n = claims.size();
        String[] budgets = new String[n];
        long[] expected = new long[n];
        long[] last = new long[n];
        for (int i = 0; i < n; i++) {
            Claim claim = claims.get(i);
            for (EventMessage<?> event : claim.events()) {
                writes.apply(event.getPayload(), ((DomainEventMessage<?>) event).getSequenceNumber());
            }
            budgets[i] = claim.budgetId();
            expected[i] = claim.firstSequence() - 1;
            last[i] = claim.lastSequence();
        }
        Map<String, Long> positions = writes.flushAfterClaim(BudgetProgress.CLAIM_SQL, budgets, expected, last);
        if (positions.isEmpty()) {
            return 0;
        }
        Map<String, Shown> written = new HashMap<>();
        for (Claim claim : claims) {
            Long position = positions.get(claim.budgetId());
            if (position != null) {
                written.put(claim.budgetId(), new Shown(claim.lastSequence(), position));
            }
        }
        afterCommit(() -> written.forEach(this::remember));
        return written.size();
    }

    /** Runs once the current transaction (Spring's, else the unit of work's) has committed; at once without one. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> action.run());
        } else {
            action.run();
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
