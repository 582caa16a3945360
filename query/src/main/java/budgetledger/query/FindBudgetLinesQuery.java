package budgetledger.query;

/** Which lines does budget {@code budgetId} hold, and what is each one's amount now? */
public record FindBudgetLinesQuery(String budgetId) {
}
