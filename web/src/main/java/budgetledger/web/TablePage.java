package budgetledger.web;

import budgetledger.disclosure.Template;
import budgetledger.disclosure.tables.DisclosureText;
import budgetledger.disclosure.tables.PublishedLayout;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A disclosure table as the page lays it out, like the published one: its columns in the printed order (tables 1
 * and 4 put each amount after its own 项目: 收入项目 | 金额 | 支出项目 | 金额 …), its two header rows with the group
 * cells spanning their columns ({@link PublishedLayout}, shared with the XLSX and text exports), amounts in 万元
 * with two decimals (blank where the published cell is blank), name cells indented by level (类 flush, 款 one
 * step, 项 two), totals marked.
 *
 * @param upper the upper header row; a lone column's cell spans both rows
 * @param lower the lower header row: the words under the groups
 */
record TablePage(int number, String title, List<Header> upper, List<Header> lower, boolean empty, List<Row> rows) {

    record Header(String text, int colspan, int rowspan, boolean amount) {
    }

    record Cell(String text, boolean amount, int indent, boolean changed) {
    }

    record Row(int level, List<Cell> cells, boolean total, boolean changed) {
        /** The row's label cells, joined: which row it is, to compare two versions of a table. */
        String key() {
            return String.join("|", cells.stream().filter(c -> !c.amount()).map(Cell::text).toList());
        }
    }

    /**
     * @param changedCodes functional codes of lines a change just touched, whose rows the page marks
     */
    static TablePage of(int fiscalYear, DisclosureTable table, Set<String> changedCodes) {
        boolean coded = !table.labelColumns().isEmpty() && table.labelColumns().get(0).endsWith("编码");
        Order order = Order.of(fiscalYear, table);
        List<Row> rows = new ArrayList<>();
        // a side-by-side table of a template rendered from filters is kept as half rows: shown zipped, as printed
        List<TableRow> printed = DisclosureText.printedRows(
                Template.forTable(table.number(), table.title()).table(table.number()), table);
        for (TableRow row : printed) {
            boolean changed = coded && changedCodes.contains(row.labels().get(0));
            rows.add(new Row(row.level(), order.cells(table, row, null), row.level() == 0, changed));
        }
        return new TablePage(table.number(), fiscalYear + "年" + table.title(), order.upper(), order.lower(),
                table.holdsNoAmount(), rows);
    }

    /** The same table with the cells marked that differ from {@code other}'s row of the same labels. */
    TablePage marking(TablePage other) {
        java.util.Map<String, Row> theirs = new java.util.HashMap<>();
        if (other != null) {
            other.rows().forEach(r -> theirs.putIfAbsent(r.key(), r));
        }
        List<Row> marked = new ArrayList<>();
        for (Row row : rows) {
            Row their = theirs.get(row.key());
            List<Cell> cells = new ArrayList<>();
            boolean any = false;
            for (int i = 0; i < row.cells().size(); i++) {
                Cell cell = row.cells().get(i);
                boolean differs = cell.amount() && (their == null
                        || !their.cells().get(i).text().equals(cell.text()));
                any |= differs;
                cells.add(new Cell(cell.text(), cell.amount(), cell.indent(), differs));
            }
            marked.add(new Row(row.level(), cells, row.total(), any));
        }
        return new TablePage(number, title, upper, lower, empty, marked);
    }

    /** How many cells are marked. */
    int changedCells() {
        return (int) rows.stream().flatMap(r -> r.cells().stream()).filter(Cell::changed).count();
    }

    /** The printed order of a table's cells and its header rows; the table's own order when no layout fits it. */
    private record Order(List<Integer> indexes, List<Header> upper, List<Header> lower) {

        static Order of(int fiscalYear, DisclosureTable table) {
            int width = table.labelColumns().size() + table.amountColumns().size();
            PublishedLayout layout = PublishedLayout.of(Template.forTable(table.number(), table.title())
                    .table(table.number()), fiscalYear);
            if (layout.width() != width) {
                List<Integer> natural = new ArrayList<>();
                List<Header> headers = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    natural.add(i);
                    boolean amount = i >= table.labelColumns().size();
                    headers.add(new Header(amount ? table.amountColumns().get(i - table.labelColumns().size())
                            : table.labelColumns().get(i), 1, 1, amount));
                }
                return new Order(natural, headers, List.of());
            }
            List<Header> upper = new ArrayList<>();
            List<Header> lower = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                boolean amount = layout.isAmount(c, table);
                PublishedLayout.Group group = layout.groupOf(c);
                if (group == null) {
                    upper.add(new Header(layout.words().get(c), 1, 2, amount));
                } else {
                    if (group.first() == c) {
                        upper.add(new Header(group.text(), group.last() - group.first() + 1, 1, false));
                    }
                    lower.add(new Header(layout.words().get(c), 1, 1, amount));
                }
            }
            return new Order(layout.order(), upper, lower);
        }

        List<Cell> cells(DisclosureTable table, TableRow row, Set<Integer> changed) {
            int labels = table.labelColumns().size();
            List<Cell> cells = new ArrayList<>();
            for (int index : indexes) {
                if (index < labels) {
                    String text = index < row.labels().size() ? row.labels().get(index) : "";
                    boolean name = !table.labelColumns().get(index).endsWith("编码");
                    cells.add(new Cell(text, false, name ? Math.max(row.level() - 1, 0) : 0, false));
                } else {
                    BigDecimal amount = row.amounts().get(index - labels);
                    cells.add(new Cell(amount == null ? "" : amount.setScale(2, RoundingMode.UNNECESSARY)
                            .toPlainString(), true, 0, false));
                }
            }
            return cells;
        }
    }
}
