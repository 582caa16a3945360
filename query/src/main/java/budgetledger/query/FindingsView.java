package budgetledger.query;

import budgetledger.events.CellFinding;
import budgetledger.events.DocumentFinding;

import java.util.List;

/**
 * What an import found in a budget's document: the published cells its ledger was allowed not to reproduce, and the
 * document's own defects (narrative, notes), each in document order.
 */
public record FindingsView(String budgetId, List<CellFinding> findings, List<DocumentFinding> documentFindings) {
}
