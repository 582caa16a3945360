package budgetledger.disclosure.tables;

import budgetledger.disclosure.TableLayout;
import budgetledger.disclosure.Template;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares published tables with rendered ones, cell by cell. A cell is exact when both agree; 尾差 when they
 * differ by no more than 0.01 万元 per independently rounded amount beneath the cell (its descendant rows, and
 * the part columns of a 合计 column), which rounding alone explains; a mismatch otherwise. Rows are matched by
 * {@link RowKeys} (a project by its unit and name), so a row present on one side only is a mismatch of each of its non-blank cells.
 */
public final class Reconciliation {

    public enum Verdict { EXACT, ROUNDING, MISMATCH }

    /** One compared cell; {@code sourceLine} is the published row's line in the document (0 if none). */
    public record Cell(int table, String title, String row, String column, BigDecimal published, BigDecimal rendered,
                       Verdict verdict, int sourceLine) {
    }

    /** Counts of each verdict, and every cell that is not exact. */
    public record Report(int exact, int rounding, int mismatched, List<Cell> differences) {

        public boolean reproduces() {
            return mismatched == 0;
        }
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");
    /** Tables whose first amount column is the sum of the others (合计 = parts). */
    private static final Set<Integer> TOTAL_FIRST = Set.of(2, 3, 5, 6, 8, 10, 11, 12, 13);

    private Reconciliation() {
    }

    /** Compares tables of the seed's template. */
    public static Report compare(Map<Integer, DisclosureTable> published, Map<Integer, DisclosureTable> rendered) {
        return compare(Template.seed(), published, rendered);
    }

    public static Report compare(Template template, Map<Integer, DisclosureTable> published,
                                 Map<Integer, DisclosureTable> rendered) {
        List<Cell> cells = new ArrayList<>();
        for (TableLayout layout : template.tables()) {
            DisclosureTable p = published.get(layout.number());
            DisclosureTable r = rendered.get(layout.number());
            if (p != null && r != null) {
                compareTable(layout, p, r, cells);
            }
        }
        int exact = 0;
        int rounding = 0;
        int mismatched = 0;
        List<Cell> differences = new ArrayList<>();
        for (Cell cell : cells) {
            switch (cell.verdict()) {
                case EXACT -> exact++;
                case ROUNDING -> rounding++;
                case MISMATCH -> mismatched++;
            }
            if (cell.verdict() != Verdict.EXACT) {
                differences.add(cell);
            }
        }
        return new Report(exact, rounding, mismatched, differences);
    }

    private static void compareTable(TableLayout layout, DisclosureTable published, DisclosureTable rendered,
                                     List<Cell> cells) {
        int n = layout.number();
        boolean totalFirst = layout.filtered() ? layout.totalColumn() == 0 : TOTAL_FIRST.contains(n);
        Map<String, TableRow> renderedRows = byKey(layout, rendered);
        Set<String> seen = new HashSet<>();
        List<TableRow> rows = published.rows();
        List<String> keys = RowKeys.of(layout, published);
        for (int i = 0; i < rows.size(); i++) {
            TableRow p = rows.get(i);
            String key = keys.get(i);
            seen.add(key);
            TableRow r = renderedRows.get(key);
            int beneath = descendants(rows, i);
            for (int c = 0; c < published.amountColumns().size(); c++) {
                BigDecimal pv = amount(p, c);
                BigDecimal rv = r == null ? null : amount(r, c);
                int allowance = beneath + (c == 0 && totalFirst ? parts(p) : 0);
                cells.add(new Cell(n, published.title(), label(p), published.amountColumns().get(c), pv, rv,
                        verdict(pv, rv, allowance), p.sourceLine()));
            }
        }
        List<String> renderedKeys = RowKeys.of(layout, rendered);
        for (int i = 0; i < rendered.rows().size(); i++) {
            TableRow r = rendered.rows().get(i);
            if (!seen.contains(renderedKeys.get(i))) {
                for (int c = 0; c < rendered.amountColumns().size(); c++) {
                    BigDecimal rv = amount(r, c);
                    if (rv != null && rv.signum() != 0) {
                        cells.add(new Cell(n, rendered.title(), label(r), rendered.amountColumns().get(c), null, rv,
                                Verdict.MISMATCH, 0));
                    }
                }
            }
        }
    }

    private static Verdict verdict(BigDecimal published, BigDecimal rendered, int allowance) {
        BigDecimal p = published == null ? BigDecimal.ZERO : published;
        BigDecimal r = rendered == null ? BigDecimal.ZERO : rendered;
        BigDecimal difference = p.subtract(r).abs();
        if (difference.signum() == 0) {
            return Verdict.EXACT;
        }
        return difference.compareTo(CENT.multiply(BigDecimal.valueOf(allowance))) <= 0 ? Verdict.ROUNDING : Verdict.MISMATCH;
    }

    /** Rows beneath a row: the deeper rows that follow it; for a total row (level 0), every row of level 1. */
    private static int descendants(List<TableRow> rows, int index) {
        TableRow row = rows.get(index);
        if (row.level() == 0) {
            return (int) rows.stream().filter(r -> r.level() == 1).count();
        }
        int count = 0;
        for (int j = index + 1; j < rows.size() && rows.get(j).level() > row.level(); j++) {
            count++;
        }
        return count;
    }

    private static int parts(TableRow row) {
        int count = 0;
        for (int c = 1; c < row.amounts().size(); c++) {
            if (row.amounts().get(c) != null) {
                count++;
            }
        }
        return count;
    }

    private static Map<String, TableRow> byKey(TableLayout layout, DisclosureTable table) {
        Map<String, TableRow> map = new HashMap<>();
        List<String> keys = RowKeys.of(layout, table);
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), table.rows().get(i));
        }
        return map;
    }

    private static String label(TableRow row) {
        return String.join(" ", row.labels().stream().filter(l -> !l.isBlank()).toList());
    }

    private static BigDecimal amount(TableRow row, int column) {
        return column < row.amounts().size() ? row.amounts().get(column) : null;
    }
}
