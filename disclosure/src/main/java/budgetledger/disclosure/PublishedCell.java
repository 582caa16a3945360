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
 * A cell published in 元 stands for itself exactly: {@code [p·100, p·100]} 分.
 *
 * @param published  the published value in the table's unit; null when blank
 * @param fenPerUnit 分 per unit of the table (万元: 1,000,000; 元: 100)
 */
public record PublishedCell(int table, String title, int rowIndex, String rowKey, String rowLabel, int column,
                            String columnName, int sourceLine, BigDecimal published, long fenPerUnit) {

    public long lowFen() {
        if (published == null) {
            return 0;
        }
        return Math.max(0, centreFen() - fenPerUnit / 200);
    }

    public long highFen() {
        if (published == null) {
            return 0;
        }
        return centreFen() + (fenPerUnit + 199) / 200 - 1;
    }

    /** An exact amount in 分 as this cell would print it (two decimals of its unit, half up). */
    public BigDecimal inUnit(long fen) {
        return BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(fenPerUnit), 2, java.math.RoundingMode.HALF_UP);
    }

    /** The unit of the cell's table. */
    public String unit() {
        return fenPerUnit == 100 ? "元" : "万元";
    }

    public boolean isBlank() {
        return published == null;
    }

    /** Whether an exact sum in 分 is published as this cell. */
    public boolean holds(long fen) {
        return fen >= lowFen() && fen <= highFen();
    }

    /** The published value in 分. */
    public long centreFen() {
        return published.multiply(BigDecimal.valueOf(fenPerUnit)).longValueExact();
    }

    /** 表3 预算支出总表 “20802 …”行 “基本支出”列, as refusals name a cell. */
    public String place() {
        return "表" + table + " " + title + " “" + rowLabel + "”行 “" + columnName + "”列";
    }
}
