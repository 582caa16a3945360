package budgetledger.query;

/** What are the headline figures of budget {@code budgetId} (every subject's figure), and last year's? */
public record FindHeadlineFiguresQuery(String budgetId) {
}
