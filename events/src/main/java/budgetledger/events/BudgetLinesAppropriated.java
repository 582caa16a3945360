package budgetledger.events;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The lines of a line-item file appropriated (年初预算) in one event: one decision, one row in the event store
 * instead of one per line. Each element is the line exactly as {@link BudgetLineAppropriated} records one appropriated
 * alone; the journal, the history, as-of tables and the projections expand it into those, in order. It follows the
 * file's {@link LineItemsImported} in the same unit of work.
 */
@Revision("1")
public record BudgetLinesAppropriated(String budgetId, List<BudgetLineAppropriated> lines) {

    public BudgetLinesAppropriated {
        lines = List.copyOf(lines);
    }
}
