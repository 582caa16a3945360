package budgetledger.app.disclosure;

import budgetledger.events.CellFinding;

import java.util.List;

/**
 * What an import recorded: the budget, how many lines and events, how its tables reconcile, and the cells it was
 * allowed not to reproduce (only with findings accepted).
 */
public record ImportResult(String budgetId, int lines, int events, Counts reconciliation, List<CellFinding> findings) {

    public record Counts(int exact, int rounding, int mismatched) {
    }
}
