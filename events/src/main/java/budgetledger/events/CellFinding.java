package budgetledger.events;

import java.math.BigDecimal;

/**
 * A published cell the imported ledger does not reproduce, recorded because the document was imported with its
 * findings accepted: no ledger reproduces it together with the other cells (a misprint, or a figure of another
 * basis). {@code publishedWanYuan} is null for a blank cell; {@code ledgerFen} is what the ledger gives there.
 */
public record CellFinding(int table, String title, String row, String column, int sourceLine,
                          BigDecimal publishedWanYuan, long ledgerFen) {
}
