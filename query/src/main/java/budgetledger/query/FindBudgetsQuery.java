package budgetledger.query;

/** Which budgets are in the ledger? */
public record FindBudgetsQuery() {
}
