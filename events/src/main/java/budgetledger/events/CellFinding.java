package budgetledger.events;

import java.math.BigDecimal;

/**
 * A published cell the imported ledger does not reproduce, recorded because the document was imported with its
 * findings accepted: no ledger reproduces it together with the other cells (a misprint, or a figure of another
 * basis). {@code publishedWanYuan} is the published value in the table's {@code unit}, null for a blank cell (the
 * name is older than tables in 元); {@code ledgerFen} is what the ledger gives there; {@code unit} is null for 万元
 * (and in events before tables in 元 were imported).
 */
public record CellFinding(int table, String title, String row, String column, int sourceLine,
                          BigDecimal publishedWanYuan, long ledgerFen, String unit) {

    public CellFinding(int table, String title, String row, String column, int sourceLine,
                       BigDecimal publishedWanYuan, long ledgerFen) {
        this(table, title, row, column, sourceLine, publishedWanYuan, ledgerFen, null);
    }
}
