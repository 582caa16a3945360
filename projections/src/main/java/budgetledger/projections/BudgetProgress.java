package budgetledger.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far the read models hold each budget's events ({@code budget_progress}): the sequence of the budget's latest
 * event applied, written in the same transaction as the rows that event changed, so {@code applied_sequence = n}
 * means every ledger-core read model shows the budget's events up to n. Read your writes reads it (a write whose
 * budget is shown up to its latest event needs no wait), and LinesInCommandTransaction advances it when it applies a
 * change in the command's own transaction. Only ever raised, so applying an event again changes nothing.
 * <p>
 * Last of the group's projections ({@code @Order}, which the processor's ProjectionDispatch follows): an event is
 * counted here only after every other projection applied it, so an event parked because one of them failed is never
 * counted as shown.
 */
@Component
@ProcessingGroup(LedgerProcessing.CORE)
@Order(Ordered.LOWEST_PRECEDENCE)
public class BudgetProgress {

    /**
     * In the command's transaction: claims, for each budget of three arrays (budget ids, the sequence each budget's
     * read models must hold, the sequence claimed), the budget's events after the first up to the second, when the
     * read models hold exactly the budget's events up to the first and nothing of the budget is parked in the
     * dead-letter queue (its later events wait behind the parked one there). One statement for the budgets of a group
     * commit (issue 18: one claim per append was a statement each). Returns a row per budget whose claim held: its
     * {@code budget_id} and the position ({@code global_index}) of its claimed last event, appended earlier in the same
     * transaction. Each budget at most once in the arrays: an UPDATE moves a row once, whatever it joins.
     */
    static final String CLAIM_SQL = """
            update budget_progress set applied_sequence = c.last_sequence
            from unnest(?::varchar[], ?::bigint[], ?::bigint[]) as c(budget_id, expected, last_sequence)
            where budget_progress.budget_id = c.budget_id and budget_progress.applied_sequence = c.expected
              and not exists (select 1 from dead_letter_entry
                              where processinggroup = '""" + LedgerProcessing.CORE + """
            ' and sequenceidentifier = c.budget_id)
            returning budget_progress.budget_id, (select d.global_index from domain_event_entry d
                                  where d.aggregate_identifier = budget_progress.budget_id
                                    and d.sequence_number = budget_progress.applied_sequence) as global_index""";

    private final JdbcTemplate jdbc;

    public BudgetProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object event, @SourceId String budgetId, @SequenceNumber long sequence) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(Map.of(budgetId, sequence));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Long> batch = root.getOrComputeResource(BudgetProgress.class.getName(), key -> {
            Map<String, Long> applied = new LinkedHashMap<>();
            root.onPrepareCommit(uow -> write(applied));
            return applied;
        });
        batch.merge(budgetId, sequence, Math::max);
    }

    /**
     * One statement per batch: rows moved forward, rows of budgets new to the table inserted; a budget already shown
     * further (its change applied in its command) is left untouched. Not an upsert: ON CONFLICT DO UPDATE locks
     * (writes) the row even when its WHERE then leaves it, which made this the costliest statement of a batch.
     */
    private void write(Map<String, Long> applied) {
        if (applied.isEmpty()) {
            return;
        }
        String[] budgets = applied.keySet().toArray(String[]::new);
        long[] sequences = applied.values().stream().mapToLong(Long::longValue).toArray();
        jdbc.update("""
                with v as (select * from unnest(?::varchar[], ?::bigint[]) as v(budget_id, applied_sequence)),
                moved as (update budget_progress p set applied_sequence = v.applied_sequence from v
                          where p.budget_id = v.budget_id and p.applied_sequence < v.applied_sequence)
                insert into budget_progress (budget_id, applied_sequence)
                select v.budget_id, v.applied_sequence from v
                where not exists (select 1 from budget_progress p where p.budget_id = v.budget_id)
                on conflict (budget_id) do nothing""", budgets, sequences);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate budget_progress");
    }
}
