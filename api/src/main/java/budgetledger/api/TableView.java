package budgetledger.api;

import budgetledger.projections.BudgetRow;
import budgetledger.query.DocumentLines;

import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.util.List;

/** A disclosure table as JSON: amounts in 万元 as two-decimal strings, null where the cell is blank. */
record TableView(String budgetId, int number, String title, String department, String unit,
                 List<String> labelColumns, List<String> amountColumns, boolean empty, List<RowView> rows) {

    record RowView(int level, List<String> labels, List<String> amounts) {
    }

    /** A table of the budget, its amounts in the unit its template prints that table in (万元, 元). */
    static TableView of(String budgetId, BudgetRow budget, DisclosureTable table) {
        List<RowView> rows = table.rows().stream().map(TableView::row).toList();
        String unit = DocumentLines.header(budget).template().table(table.number()).unit();
        return new TableView(budgetId, table.number(), budget.fiscalYear() + "年" + table.title(),
                budget.departmentName(), unit, table.labelColumns(), table.amountColumns(), table.holdsNoAmount(),
                rows);
    }

    private static RowView row(TableRow row) {
        return new RowView(row.level(), row.labels(),
                row.amounts().stream().map(a -> a == null ? null : a.setScale(2, java.math.RoundingMode.UNNECESSARY)
                        .toPlainString()).toList());
    }
}
