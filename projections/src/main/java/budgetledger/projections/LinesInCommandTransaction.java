package budgetledger.projections;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.LineItemsImported;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Issue 18: a change to a budget's lines written to {@code budget_line} in the command's own transaction (a
 * subscribing processor, {@value LedgerProcessing#IN_COMMAND}), so that an acknowledged change waits for one commit
 * and not also for a processor batch. The ledger-core processor still applies every event (it is what a rebuild
 * replays); applying one again changes nothing (rows keep the newest sequence).
 * <p>
 * Written here only when it keeps the read models a prefix of the budget's events: every event of the command is
 * one whose only ledger-core read model is {@code budget_line} ({@link #LINE_ONLY}), they are one budget's, and
 * the read models hold exactly the budget's events before them with nothing of it parked (BudgetProgress's claim,
 * which then moves the budget's progress to the command's last event). Otherwise nothing is written here and the
 * processor applies the events as before (read your writes then waits for it).
 */
@Component
@ProcessingGroup(LedgerProcessing.IN_COMMAND)
public class LinesInCommandTransaction {

    /**
     * The events no ledger-core read model but {@code budget_line} handles (LinesInCommandTransactionTest checks it
     * against the projections). A command made of other events leaves all of its events to the processor.
     */
    static final Set<Class<?>> LINE_ONLY = Set.of(BudgetLineAppropriated.class, BudgetLinesAppropriated.class,
            BudgetLineAdjusted.class, BudgetAmountTransferred.class, BudgetEventReversed.class,
            LineItemsImported.class);

    private final JdbcTemplate jdbc;

    public LinesInCommandTransaction(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An event of the command's batch (the events its unit of work appended), gathered until the batch commits. */
    private record Appended(Object event, String budgetId, long sequence) {
    }

    @EventHandler
    void on(Object event, @SourceId String budgetId, @SequenceNumber long sequence) {
        if (!CurrentUnitOfWork.isStarted()) {
            return; // not appended in a unit of work: nothing to be in the transaction of
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        List<Appended> appended = batch.getOrComputeResource(LinesInCommandTransaction.class.getName(), key -> {
            List<Appended> events = new ArrayList<>();
            int size = batch instanceof BatchingUnitOfWork<?> batching ? batching.getMessages().size() : 1;
            batch.onPrepareCommit(uow -> write(events, size));
            return events;
        });
        appended.add(new Appended(event, budgetId, sequence));
    }

    private void write(List<Appended> events, int batchSize) {
        if (events.size() != batchSize || events.isEmpty()) {
            return;
        }
        String budgetId = events.get(0).budgetId();
        long first = events.get(0).sequence();
        for (int i = 0; i < events.size(); i++) {
            Appended event = events.get(i);
            if (!LINE_ONLY.contains(event.event().getClass()) || !event.budgetId().equals(budgetId)
                    || event.sequence() != first + i) {
                return;
            }
        }
        BudgetLineProjection.LineWrites writes = new BudgetLineProjection.LineWrites(jdbc, false);
        for (Appended event : events) {
            writes.apply(event.event(), event.sequence());
        }
        writes.flushAfter(BudgetProgress.CLAIM_SQL, first + events.size() - 1, budgetId, first - 1, budgetId);
    }
}
