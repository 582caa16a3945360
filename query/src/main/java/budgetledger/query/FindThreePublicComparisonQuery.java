package budgetledger.query;

/** How do the "三公" expenses of budget {@code budgetId} compare with last year's, and why did they change? */
public record FindThreePublicComparisonQuery(String budgetId) {
}
