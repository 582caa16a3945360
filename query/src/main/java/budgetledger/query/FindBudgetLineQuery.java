package budgetledger.query;

/** What is line {@code lineId} of budget {@code budgetId}, and its amount now? */
public record FindBudgetLineQuery(String budgetId, String lineId) {
}
