package budgetledger.exchange.disclosure;

import budgetledger.events.CellFinding;
import budgetledger.events.DocumentFinding;

import java.util.List;

/**
 * What an import recorded: the budget, how many lines and events, how its tables reconcile, and the cells it was
 * allowed not to reproduce (only with findings accepted), and warnings: codes outside the catalogue (the document's
 * names kept) and the document's own defects as sentences; the template it was read in; the document's defects as
 * recorded findings (severity, where, what).
 */
public record ImportResult(String budgetId, int lines, int events, Counts reconciliation, List<CellFinding> findings,
                           List<String> warnings, String template, List<DocumentFinding> documentFindings) {

    public record Counts(int exact, int rounding, int mismatched) {
    }
}
