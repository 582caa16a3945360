package budgetledger.query;

import budgetledger.events.CellFinding;

import java.util.List;

/** The published cells a budget's ledger was allowed not to reproduce, in document order. */
public record FindingsView(String budgetId, List<CellFinding> findings) {
}
