package budgetledger.query.yoy;

import budgetledger.model.text.CsvCells;

import java.math.BigDecimal;
import java.util.List;

/**
 * A comparison as CSV, like the tables' CSV (RFC 4180, CRLF, amounts in 万元 with two decimals, blank when absent);
 * a name that begins like a formula is neutralised ({@link CsvCells}).
 */
public final class YearOverYearCsv {

    private static final String LINE_END = "\r\n";

    private YearOverYearCsv() {
    }

    public static String write(YearOverYear.Report report) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.of("层级", "编码", "名称", "上年数", "本年数", "增减额", "增减率(%)", "说明"));
        for (DeltaRow row : report.rows()) {
            line(csv, List.of(String.valueOf(row.level()), row.code(), row.name(), plain(row.lastYearWanYuan()),
                    plain(row.thisYearWanYuan()), plain(row.deltaWanYuan()), plain(row.percent()),
                    row.presence() == Presence.BOTH ? "" : row.presence().label()));
        }
        return csv.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(CsvCells.field(cells.get(i)));
        }
        csv.append(LINE_END);
    }
}
