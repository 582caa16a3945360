package budgetledger.app.disclosure;

/** What an import recorded: the budget, how many lines and events, and how its tables reconcile. */
public record ImportResult(String budgetId, int lines, int events, Counts reconciliation) {

    public record Counts(int exact, int rounding, int mismatched) {
    }
}
