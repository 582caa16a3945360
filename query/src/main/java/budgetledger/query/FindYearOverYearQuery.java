package budgetledger.query;

import budgetledger.query.yoy.Dimension;
import budgetledger.query.yoy.Level;

/**
 * How does budget {@code budgetId} differ from budget {@code againstBudgetId} (last year's, in the ledger), or, when
 * that is null, from the prior-year figures recorded with it, grouped by {@code dimension} down to {@code level}?
 */
public record FindYearOverYearQuery(String budgetId, String againstBudgetId, Dimension dimension, Level level) {
}
