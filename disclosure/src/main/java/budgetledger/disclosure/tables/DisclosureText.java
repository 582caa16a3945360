package budgetledger.disclosure.tables;

import budgetledger.model.BudgetUnit;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.TableLayout;
import budgetledger.disclosure.Template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The 部门预算公开 document of a budget as text, in the form the seed's PDF extracts to and the parser reads
 * (docs/DISCLOSURE-PARSER.md): a cover with the department's name, code and year; the 机构设置 line naming the
 * units after the first; the thirteen tables, each under its title with 部门名称 and 单位：万元, header rows in
 * published words, cells separated by TAB, 注：本表无数据 under an empty table; then the narrative of 第三部分 as
 * generated from the ledger (budgetledger.query.narrative), whose sentences the parser reads back: this year's
 * figures, the changes against last year and the recorded reasons. Lines end in LF.
 */
public final class DisclosureText {

    private static final String TAB = "\t";

    private DisclosureText() {
    }

    /** @param narrative 第三部分 as generated from the ledger (its own heading included) */
    public static String write(BudgetHeader budget, List<DisclosureTable> tables, String narrative) {
        int year = budget.fiscalYear();
        List<String> out = new ArrayList<>();
        out.add(budget.departmentName());
        out.add("");
        out.add(year + "年度部门预算公开");
        out.add("");
        out.add("部门编码：" + budget.departmentCode());
        out.add("");
        out.add("第一部分 概况");
        out.add("");
        List<BudgetUnit> units = budget.units();
        if (units.size() > 1) {
            out.add("一、机构设置情况");
            out.add("");
            List<String> others = units.subList(1, units.size()).stream().map(BudgetUnit::name).toList();
            out.add(budget.departmentName() + "下属单位：" + String.join("、", others) + "。");
            out.add("");
        }
        out.add("第二部分 " + year + "年部门预算报表");
        out.add("");
        Template template = budget.template();
        for (DisclosureTable table : tables) {
            writeTable(out, template, table, year, budget.departmentName());
        }
        return String.join("\n", out) + "\n" + narrative;
    }

    private static void writeTable(List<String> out, Template template, DisclosureTable table, int year,
                                   String departmentName) {
        TableLayout tableLayout = template.table(table.number());
        PublishedLayout layout = PublishedLayout.of(tableLayout, year);
        out.add("预算公开表" + table.number());
        out.add("");
        out.add(year + "年" + table.title());
        out.add("");
        out.add(template.departmentLabels().get(0) + "：" + departmentName);
        out.add("单位：" + tableLayout.unit());
        out.add(String.join(TAB, layout.upperHeader()));
        out.add(String.join(TAB, layout.lowerHeader()));
        for (TableRow row : printedRows(tableLayout, table)) {
            List<String> cells = new ArrayList<>();
            for (Object cell : layout.cells(row)) {
                cells.add(cell == null ? "" : cell instanceof BigDecimal amount ? amount.setScale(2).toPlainString()
                        : clean((String) cell));
            }
            out.add(String.join(TAB, cells));
        }
        if (table.holdsNoAmount()) {
            out.add("注：" + template.emptyNotes().get(0));
        }
        out.add("");
    }

    /**
     * The rows as printed: a side-by-side table kept as half rows ({@code TemplateTables}) is zipped again, the i-th
     * income half beside the i-th expenditure half, the totals last.
     */
    public static List<TableRow> printedRows(TableLayout layout, DisclosureTable table) {
        if (!(layout.filtered() && layout.kind() == TableLayout.Kind.PAIRED)) {
            return table.rows();
        }
        List<TableRow> income = new ArrayList<>();
        List<TableRow> expenditure = new ArrayList<>();
        List<TableRow> incomeTotals = new ArrayList<>();
        List<TableRow> expenditureTotals = new ArrayList<>();
        for (TableRow row : table.rows()) {
            boolean incomeHalf = !row.labels().get(0).isEmpty();
            if (row.level() == 0 && (incomeHalf ? isTotal(row.labels().get(0)) : isTotal(row.labels().get(1)))) {
                (incomeHalf ? incomeTotals : expenditureTotals).add(row);
            } else {
                (incomeHalf ? income : expenditure).add(row);
            }
        }
        List<TableRow> rows = new ArrayList<>();
        zipAll(rows, income, expenditure, table.amountColumns().size());
        zipAll(rows, incomeTotals, expenditureTotals, table.amountColumns().size());
        return rows;
    }

    private static boolean isTotal(String label) {
        return label.endsWith("合计") || label.endsWith("总计");
    }

    private static void zipAll(List<TableRow> rows, List<TableRow> income, List<TableRow> expenditure, int amounts) {
        for (int i = 0; i < Math.max(income.size(), expenditure.size()); i++) {
            rows.add(zip(i < income.size() ? income.get(i) : null, i < expenditure.size() ? expenditure.get(i) : null,
                    amounts));
        }
    }

    private static TableRow zip(TableRow income, TableRow expenditure, int amounts) {
        List<BigDecimal> cells = new ArrayList<>(java.util.Collections.nCopies(amounts, (BigDecimal) null));
        for (TableRow half : java.util.Arrays.asList(income, expenditure)) {
            if (half != null) {
                for (int a = 0; a < half.amounts().size(); a++) {
                    if (half.amounts().get(a) != null) {
                        cells.set(a, half.amounts().get(a));
                    }
                }
            }
        }
        return new TableRow(1, List.of(income == null ? "" : income.labels().get(0),
                expenditure == null ? "" : expenditure.labels().get(1)), cells, 0);
    }

    private static String clean(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ");
    }
}
