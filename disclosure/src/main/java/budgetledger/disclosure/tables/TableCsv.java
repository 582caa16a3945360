package budgetledger.disclosure.tables;

import budgetledger.disclosure.TableLayout;
import budgetledger.disclosure.Template;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import budgetledger.model.text.CsvCells;

import java.util.List;

/**
 * A disclosure table as CSV (RFC 4180): a header row, then one line per row, its columns in the order the published
 * table prints them (tables 1 and 4: 收入项目, 收入金额, 支出项目, 支出合计 …, as {@link PublishedLayout} has it for the
 * XLSX too; a table whose shape the template does not print keeps its own order: labels, then amounts); label cells
 * as text, amounts in 万元 as plain two-decimal numbers, blank where the table is blank. Lines end in CRLF. The text is meant to be written as UTF-8; no library is on this module's
 * classpath for CSV and the format is small enough to write by hand.
 */
public final class TableCsv {

    private static final String LINE_END = "\r\n";

    private TableCsv() {
    }

    /** A table of the template its number and title name. */
    public static String write(DisclosureTable table) {
        return write(Template.forTable(table.number(), table.title()), table);
    }

    /** A table of {@code template}, as that template prints it. */
    public static String write(Template template, DisclosureTable table) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(table.labelColumns());
        header.addAll(table.amountColumns());
        boolean known = table.number() >= 1 && table.number() <= template.count();
        List<Integer> order = known ? printedOrder(template.table(table.number()), header.size()) : null;
        appendLine(csv, inOrder(header, order));
        List<TableRow> rows = known ? DisclosureText.printedRows(template.table(table.number()), table) : table.rows();
        for (TableRow row : rows) {
            List<String> cells = new ArrayList<>(row.labels());
            for (BigDecimal amount : row.amounts()) {
                // setScale(2) without rounding: a table amount always has two decimals, and one that does not
                // is a bug to surface, not a number to round a second time.
                cells.add(amount == null ? "" : amount.setScale(2).toPlainString());
            }
            appendLine(csv, inOrder(cells, order));
        }
        return csv.toString();
    }

    /** The printed order of the table's cells (labels first, then amounts), or null to keep that order. */
    private static List<Integer> printedOrder(TableLayout layout, int width) {
        // The year only names header words, which the CSV does not use: any year gives the same order.
        List<Integer> order = PublishedLayout.of(layout, 0).order();
        return order.size() == width ? order : null;
    }

    private static List<String> inOrder(List<String> cells, List<Integer> order) {
        if (order == null || cells.size() != order.size()) {
            return cells;
        }
        return order.stream().map(cells::get).toList();
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
