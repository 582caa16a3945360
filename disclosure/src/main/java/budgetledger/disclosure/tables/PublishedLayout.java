package budgetledger.disclosure.tables;

import budgetledger.disclosure.TableLayout;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a table is printed in a published 部门预算公开: the order of its columns (tables 1 and 4 print income beside
 * expenditure, table 9 income before expenditure) and its two header rows, the upper one grouping columns
 * (收入 / 支出, 2026年预算数 …) and the lower one naming them with the words the parser knows as header words.
 * A column outside every group has its word on the upper row, spanning both. The XLSX and text exports share it.
 *
 * @param order  for each printed column, its index among the table's cells (label cells first, then amounts)
 * @param words  for each printed column, its header word
 * @param groups the spans of the upper header row, in printed columns
 */
public record PublishedLayout(List<Integer> order, List<String> words, List<Group> groups) {

    /** A header cell of the upper row over printed columns {@code first} to {@code last}. */
    public record Group(String text, int first, int last) {
    }

    /** The layout of table {@code number} of a budget of {@code fiscalYear}, as its template prints it. */
    public static PublishedLayout of(int number, int fiscalYear) {
        return of(TableLayout.of(number), fiscalYear);
    }

    /** The layout of a table of any template, for a budget of {@code fiscalYear}. */
    public static PublishedLayout of(TableLayout table, int fiscalYear) {
        TableLayout.Print print = table.print();
        String year = Integer.toString(fiscalYear);
        return new PublishedLayout(print.order(),
                print.words().stream().map(word -> word.replace(TableLayout.YEAR, year)).toList(),
                print.groups().stream().map(g -> new Group(g.text().replace(TableLayout.YEAR, year), g.first(),
                        g.last())).toList());
    }

    public int width() {
        return order.size();
    }

    /** The group printed column {@code column} falls in, or null when its word spans both header rows. */
    public Group groupOf(int column) {
        for (Group group : groups) {
            if (column >= group.first() && column <= group.last()) {
                return group;
            }
        }
        return null;
    }

    /** The upper header row: a group's text in its first column, a lone column's word; "" elsewhere. */
    public List<String> upperHeader() {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < width(); c++) {
            Group group = groupOf(c);
            cells.add(group == null ? words.get(c) : group.first() == c ? group.text() : "");
        }
        return cells;
    }

    /** The lower header row: the word of each grouped column; "" under a lone column. */
    public List<String> lowerHeader() {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < width(); c++) {
            cells.add(groupOf(c) == null ? "" : words.get(c));
        }
        return cells;
    }

    /** Whether printed column {@code column} holds an amount (else a label). */
    public boolean isAmount(int column, DisclosureTable table) {
        return order.get(column) >= table.labelColumns().size();
    }

    /** A row's cells in printed order: labels as text, amounts as BigDecimal or null. */
    public List<Object> cells(TableRow row) {
        List<Object> all = new ArrayList<>(row.labels());
        List<BigDecimal> amounts = row.amounts();
        all.addAll(amounts);
        List<Object> printed = new ArrayList<>(width());
        for (int index : order) {
            printed.add(all.get(index));
        }
        return printed;
    }
}
