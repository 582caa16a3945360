package budgetledger.query;

import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetRow;

import java.util.List;

/** The thirteen tables of a budget as rendered from its lines, with the budget they belong to. */
public record DisclosureTablesView(BudgetRow budget, List<DisclosureTable> tables) {
}
