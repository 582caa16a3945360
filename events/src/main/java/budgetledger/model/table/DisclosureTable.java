package budgetledger.model.table;

import java.util.List;

/**
 * One of the thirteen tables of a 部门预算公开, as published (parsed from a document) or as rendered from the
 * ledger. Both sides use this shape so that they can be compared cell by cell. docs/TABLES.md gives, for each
 * table, its title, its label and amount columns and the order of its rows.
 *
 * @param number        1 to 13, the table's place in the standard set (found by title, never by position)
 * @param title         the title without the year, e.g. 预算收支总表
 * @param labelColumns  headers of the label cells of a row (科目编码, 科目名称 …)
 * @param amountColumns headers of the amount cells of a row, in published order
 * @param rows          the rows in published order
 */
public record DisclosureTable(int number, String title, List<String> labelColumns, List<String> amountColumns,
                              List<TableRow> rows) {

    /**
     * True when no row holds an amount: the published table says 注：本表无数据. (Not named isEmpty, which JSON
     * mappers would take for a property of the record.)
     */
    public boolean holdsNoAmount() {
        return rows.stream().allMatch(row -> row.amounts().stream().allMatch(a -> a == null));
    }
}
