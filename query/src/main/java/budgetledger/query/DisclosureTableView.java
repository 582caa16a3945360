package budgetledger.query;

import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetRow;

/** One disclosure table of a budget, with the budget it belongs to (for its heading). */
public record DisclosureTableView(BudgetRow budget, DisclosureTable table) {
}
