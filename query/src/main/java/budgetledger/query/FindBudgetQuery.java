package budgetledger.query;

/** What is budget {@code budgetId}: department, year, units, prior-year figures, reasons? */
public record FindBudgetQuery(String budgetId) {
}
