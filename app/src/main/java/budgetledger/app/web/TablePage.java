package budgetledger.app.web;

import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A disclosure table as the page lays it out, like the published one: amounts in 万元 with two decimals (blank where
 * the published cell is blank), name cells indented by level (类 flush, 款 one step, 项 two), totals marked.
 *
 * @param changedCodes functional codes of lines a change just touched, whose rows the page marks
 */
record TablePage(int number, String title, List<String> labelColumns, List<String> amountColumns, boolean empty,
                 List<Row> rows) {

    record Cell(String text, int indent) {
    }

    record Row(int level, List<Cell> labels, List<String> amounts, boolean total, boolean changed) {
    }

    static TablePage of(int fiscalYear, DisclosureTable table, Set<String> changedCodes) {
        boolean coded = !table.labelColumns().isEmpty() && table.labelColumns().get(0).endsWith("编码");
        List<Row> rows = new ArrayList<>();
        for (TableRow row : table.rows()) {
            List<Cell> labels = new ArrayList<>();
            for (int i = 0; i < row.labels().size(); i++) {
                boolean name = i >= table.labelColumns().size() || !table.labelColumns().get(i).endsWith("编码");
                labels.add(new Cell(row.labels().get(i), name ? Math.max(row.level() - 1, 0) : 0));
            }
            List<String> amounts = row.amounts().stream().map(TablePage::text).toList();
            boolean changed = coded && changedCodes.contains(row.labels().get(0));
            rows.add(new Row(row.level(), labels, amounts, row.level() == 0, changed));
        }
        return new TablePage(table.number(), fiscalYear + "年" + table.title(), table.labelColumns(),
                table.amountColumns(), table.holdsNoAmount(), rows);
    }

    private static String text(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
