package budgetledger.disclosure.tables;

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

    /** The layout of table {@code number} of a budget of {@code fiscalYear}. */
    public static PublishedLayout of(int number, int fiscalYear) {
        String planned = fiscalYear + "年预算数";
        String fiscal = fiscalYear + "年财政拨款";
        List<Group> codeName = List.of(new Group("项目", 0, 1));
        return switch (number) {
            case 1 -> new PublishedLayout(List.of(0, 2, 1, 3, 4, 5),
                    List.of("项目", "金额", "项目", fiscalYear + "年合计", "当年预算安排", "上年结转安排"),
                    List.of(new Group("收入", 0, 1), new Group("支出", 2, 5)));
            case 2 -> new PublishedLayout(identity(9), List.of("科目编码", "科目名称", "合计", "一般公共预算", "政府性基金",
                    "国有资本经营预算", "财政专户管理资金", "单位资金", "上年结转"),
                    List.of(new Group("项目", 0, 1), new Group("本年收入", 2, 7)));
            case 3, 5, 8 -> new PublishedLayout(identity(5), List.of("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                    List.of(codeName.get(0), new Group(planned, 2, 4)));
            case 4 -> new PublishedLayout(List.of(0, 2, 1, 3, 4, 5, 6),
                    List.of("项目", "金额", "项目", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"),
                    List.of(new Group("收入", 0, 1), new Group("支出", 2, 6)));
            case 6 -> new PublishedLayout(identity(5), List.of("部门预算支出经济科目名称", "政府预算支出经济科目名称", "合计",
                    "人员经费", "公用经费"), List.of(new Group(planned, 2, 4)));
            case 7 -> new PublishedLayout(identity(3), List.of("收入科目编码", "科目名称", "政府性基金收入预算"), codeName);
            case 9 -> new PublishedLayout(List.of(0, 1, 4, 2, 3, 5, 6, 7), List.of("收入科目编码", "科目名称",
                    "国有资本经营收入预算", "科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                    List.of(new Group("国有资本经营预算收入", 0, 2), new Group("国有资本经营预算支出", 3, 7)));
            case 10, 11 -> new PublishedLayout(identity(5), List.of(number == 10 ? "项目" : "单位名称", "合计", "一般公共预算",
                    "政府性基金预算", "国有资本经营预算"), List.of(new Group(planned, 1, 4)));
            case 12 -> new PublishedLayout(identity(7), List.of("项目名称", "合计", "一般公共预算", "政府性基金预算",
                    "国有资本经营预算", "财政专户管理资金", "单位资金"), List.of(new Group(fiscal, 2, 4)));
            case 13 -> new PublishedLayout(identity(5), List.of("项目名称", "合计", "一般公共预算", "政府性基金预算",
                    "国有资本经营预算"), List.of(new Group(fiscal, 2, 4)));
            default -> throw new IllegalArgumentException("disclosure tables are numbered 1 to 13, not " + number);
        };
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

    private static List<Integer> identity(int width) {
        List<Integer> order = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            order.add(i);
        }
        return order;
    }
}
