package budgetledger.app.http;

import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.util.List;

/** A disclosure table as JSON: amounts in 万元 as two-decimal strings, null where the cell is blank. */
record TableView(String budgetId, int number, String title, String department, String unit,
                 List<String> labelColumns, List<String> amountColumns, boolean empty, List<RowView> rows) {

    record RowView(int level, List<String> labels, List<String> amounts) {
    }

    static TableView of(String budgetId, int fiscalYear, String department, DisclosureTable table) {
        List<RowView> rows = table.rows().stream().map(TableView::row).toList();
        return new TableView(budgetId, table.number(), fiscalYear + "年" + table.title(), department, "万元",
                table.labelColumns(), table.amountColumns(), table.holdsNoAmount(), rows);
    }

    private static RowView row(TableRow row) {
        return new RowView(row.level(), row.labels(),
                row.amounts().stream().map(a -> a == null ? null : a.setScale(2, java.math.RoundingMode.UNNECESSARY)
                        .toPlainString()).toList());
    }
}
