package budgetledger.query;

/** Which published cells was the ledger of budget {@code budgetId} allowed not to reproduce when it was imported? */
public record FindFindingsQuery(String budgetId) {
}
