package budgetledger.disclosure.tables;

import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import budgetledger.model.text.CsvCells;

import java.util.List;

/**
 * A disclosure table as CSV (RFC 4180): a header row (label column headers, then amount column headers), then one
 * line per row: its label cells, then its amounts in 万元 as plain two-decimal numbers, blank where the table
 * is blank. Lines end in CRLF. The text is meant to be written as UTF-8; no library is on this module's
 * classpath for CSV and the format is small enough to write by hand.
 */
public final class TableCsv {

    private static final String LINE_END = "\r\n";

    private TableCsv() {
    }

    public static String write(DisclosureTable table) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(table.labelColumns());
        header.addAll(table.amountColumns());
        appendLine(csv, header);
        for (TableRow row : table.rows()) {
            List<String> cells = new ArrayList<>(row.labels());
            for (BigDecimal amount : row.amounts()) {
                // setScale(2) without rounding: a table amount always has two decimals, and one that does not
                // is a bug to surface, not a number to round a second time.
                cells.add(amount == null ? "" : amount.setScale(2).toPlainString());
            }
            appendLine(csv, cells);
        }
        return csv.toString();
    }

    private static void appendLine(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(CsvCells.field(cells.get(i)));
        }
        csv.append(LINE_END);
    }

}
