package budgetledger.events;

import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of a published document as {@link DisclosureRecorded} stores it: its cells in exact 分, with the unit it
 * was printed in, so that it reads back as printed ({@link #view()}) whatever the renderer's view model becomes.
 *
 * @param number        the table's place in its template (1 …)
 * @param title         the title without the year
 * @param unit          the unit its amounts were printed in: 万元 or 元
 * @param labelColumns  headers of the label cells of a row
 * @param amountColumns headers of the amount cells of a row, in published order
 * @param rows          the rows in published order
 */
public record PublishedTable(int number, String title, String unit, List<String> labelColumns,
                             List<String> amountColumns, List<PublishedRow> rows) {

    public PublishedTable {
        fenPerUnit(unit);
        labelColumns = List.copyOf(labelColumns);
        amountColumns = List.copyOf(amountColumns);
        rows = List.copyOf(rows);
    }

    /** 分 per printed unit: a cell printed as p in {@code unit} is p × this many 分. */
    public static long fenPerUnit(String unit) {
        return switch (unit == null ? "" : unit) {
            case "万元" -> 1_000_000L;
            case "元" -> 100L;
            default -> throw new IllegalArgumentException("a published table's unit is 万元 or 元, not " + unit);
        };
    }

    /** The table as parsed, its amounts printed in {@code unit}; each must be a whole number of 分. */
    public static PublishedTable of(DisclosureTable table, String unit) {
        long fenPerUnit = fenPerUnit(unit);
        List<PublishedRow> rows = new ArrayList<>(table.rows().size());
        for (TableRow row : table.rows()) {
            List<Long> amountsFen = new ArrayList<>(row.amounts().size());
            for (BigDecimal amount : row.amounts()) {
                amountsFen.add(amount == null ? null
                        : amount.multiply(BigDecimal.valueOf(fenPerUnit)).longValueExact());
            }
            rows.add(new PublishedRow(row.level(), row.labels(), amountsFen));
        }
        return new PublishedTable(table.number(), table.title(), unit, table.labelColumns(), table.amountColumns(),
                rows);
    }

    /** The table as printed, amounts in its unit with two decimals (the renderer's and reconciliation's shape). */
    public DisclosureTable view() {
        BigDecimal perUnit = BigDecimal.valueOf(fenPerUnit(unit));
        List<TableRow> printed = new ArrayList<>(rows.size());
        for (PublishedRow row : rows) {
            List<BigDecimal> amounts = new ArrayList<>(row.amountsFen().size());
            for (Long fen : row.amountsFen()) {
                amounts.add(fen == null ? null : BigDecimal.valueOf(fen).divide(perUnit).setScale(2));
            }
            printed.add(new TableRow(row.level(), row.labels(), java.util.Collections.unmodifiableList(amounts), 0));
        }
        return new DisclosureTable(number, title, labelColumns, amountColumns, List.copyOf(printed));
    }
}
