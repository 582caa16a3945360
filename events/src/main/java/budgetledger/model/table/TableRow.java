package budgetledger.model.table;

import java.math.BigDecimal;
import java.util.List;

/**
 * A row of a disclosure table.
 *
 * @param level      0 for totals, then 1, 2, 3 down the hierarchy (类 / 款 / 项; unit / project)
 * @param labels     one cell per label column; "" where the published cell is blank
 * @param amounts    one cell per amount column, in 万元 with scale 2; null where the published cell is blank
 * @param sourceLine the line of the document the row was read from; 0 for a rendered row
 */
public record TableRow(int level, List<String> labels, List<BigDecimal> amounts, int sourceLine) {
}
