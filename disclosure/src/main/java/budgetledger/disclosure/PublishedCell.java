package budgetledger.disclosure;

import java.math.BigDecimal;

/**
 * One amount cell of a published table and the exact amounts it stands for. A cell published as p 万元 (two
 * decimals, rounded half-up on its own) holds an exact sum from p − 0.005 to just below p + 0.005 万元: in 分,
 * {@code p·10⁶ − 5,000} to {@code p·10⁶ + 4,999}. A blank cell holds exactly nothing (the renderer leaves only an
 * exact zero blank); 0.00 holds anything below 0.005 万元.
 *
 * @param rowKey     the row's key ({@code RowKeys}), the same for the rendered row
 * @param rowLabel   the row as users read it (科目编码 and name, project, item)
 * @param column     the amount column's index
 * @param sourceLine the document line the row was read from
 * @param published  the published value in 万元; null when blank
 */
public record PublishedCell(int table, String title, int rowIndex, String rowKey, String rowLabel, int column,
                            String columnName, int sourceLine, BigDecimal published) {

    private static final long HALF_STEP_DOWN = 5_000;
    private static final long HALF_STEP_UP = 4_999;

    public long lowFen() {
        if (published == null) {
            return 0;
        }
        return Math.max(0, centreFen() - HALF_STEP_DOWN);
    }

    public long highFen() {
        if (published == null) {
            return 0;
        }
        return centreFen() + HALF_STEP_UP;
    }

    public boolean isBlank() {
        return published == null;
    }

    /** Whether an exact sum in 分 is published as this cell. */
    public boolean holds(long fen) {
        return fen >= lowFen() && fen <= highFen();
    }

    private long centreFen() {
        return published.movePointRight(6).longValueExact();
    }

    /** 表3 预算支出总表 “20802 …”行 “基本支出”列, as refusals name a cell. */
    public String place() {
        return "表" + table + " " + title + " “" + rowLabel + "”行 “" + columnName + "”列";
    }
}
