package budgetledger.query;

/** How do the tables of budget {@code budgetId} compare, cell by cell, with the document it was imported from? */
public record FindReconciliationQuery(String budgetId) {
}
