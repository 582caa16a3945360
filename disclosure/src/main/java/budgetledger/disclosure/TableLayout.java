package budgetledger.disclosure;

import budgetledger.model.ProcurementFunds;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each of the thirteen tables is published (docs/TABLES.md), as the seed's template file says
 * ({@code templates/shanxi-13.template}, read by {@link Template}): its year-less title, its label and amount columns,
 * the order of its cells on a published row, and which amount column is the sum of which others.
 *
 * @param cells        one letter per published cell: L a label cell, A an amount cell, each taking the next label or
 *                     amount column. Table 1 is LALAAA: income label, income amount, expenditure label, three amounts
 * @param totalColumn  the amount column that is the sum of {@code partColumns} on every row; -1 when none
 * @param variants     other titles the table is published under (without 不含上年结转 …)
 * @param print        how the table is printed
 * @param unit         the unit its amounts are printed in (万元, 元)
 * @param codeCells    how many label cells spell the row's code: 1 (科目编码), or 3 where 类 | 款 | 项 are printed apart
 *                     (2 for 类 | 款 of an economic table); 0 where rows carry no code
 * @param totalAtBottom whether 合计 is printed after the rows rather than before them
 * @param select       the lines the table counts, for templates whose tables are rendered from their filters; null
 *                     for the seed's tables, which are rendered by their row builders ({@code DisclosureTables})
 * @param columnFilters per amount column, the lines it counts among those selected (with {@code select})
 * @param incomeRows   the fixed income rows of a PAIRED table rendered from filters
 * @param nothingWords a row that holds only one of these words says the table is empty (无)
 * @param headerWords  words of its header rows besides its column names and print words
 * @param outgoRows    PAIRED: fixed expenditure rows printed above the 类 (一、本年支出), with the lines they count
 * @param classLevel   PAIRED: the level of the 类 rows (1; 2 under 一、本年支出)
 * @param totalRows    PAIRED: the rows of grand totals (收入总计 | 支出总计 …)
 * @param skipWords    a row whose first cell is one of these is no data (栏次)
 * @param fundsColumns PROCUREMENT: per amount column, the kinds of money it counts (empty: all of them); a printed
 *                     amount is read as the first kind's
 */
public record TableLayout(int number, String title, Kind kind, List<String> labelColumns, List<String> amountColumns,
                   String cells, int totalColumn, List<Integer> partColumns, List<String> variants, Print print,
                   String unit, int codeCells, boolean totalAtBottom, LineFilter select, List<LineFilter> columnFilters,
                   List<IncomeRow> incomeRows, List<String> nothingWords, List<String> headerWords,
                   List<IncomeRow> outgoRows, int classLevel, List<TotalRow> totalRows, List<String> skipWords,
                   List<List<ProcurementFunds>> fundsColumns) {

    /** A row of grand totals of a PAIRED table: its income and expenditure labels, and the lines it counts. */
    public record TotalRow(String incomeLabel, String expenditureLabel, LineFilter filter) {
    }

    /** An income row of a PAIRED table: its level (1 一、…, 2 its parts), its label and the lines it counts. */
    public record IncomeRow(int level, String label, LineFilter filter) {
    }

    /** The shape of a table's rows, which decides how rows are recognised, levelled and checked. */
    public enum Kind {
        /** Tables 1 and 4: income and expenditure side by side, a fixed list of rows, totals at the bottom. */
        PAIRED,
        /** 合计, then 支出功能分类 类 / 款 / 项 rows (tables 2, 3, 5, 7, 8, 9). */
        FUNCTIONAL,
        /** Table 6: 合计, then economic 类 rows (government name blank), each followed by its item rows. */
        ECONOMIC,
        /** Table 10: the fixed "三公" rows, 合计 at the bottom. */
        THREE_PUBLIC,
        /** Table 11: 部门合计, then one row per unit. */
        UNITS,
        /** Tables 12 and 13: the department, then each unit followed by its projects. */
        PROJECTS,
        /** One row of amounts under a header, no labels: "三公" beside 机关运行经费 (Shanghai) or 会议费 and 培训费. */
        SINGLE_ROW,
        /**
         * 政府采购: 合计, then each 采购品目大类 (货物 / 工程 / 服务), each unit under it, and the unit's items (project,
         * economic item, 品目, 组织形式) by kind of money. Its cells count procurement items, not budget lines.
         */
        PROCUREMENT
    }

    public static final int COUNT = 13;

    /** The seed's template; its tables are {@link #ALL}. Loaded here so that Template's own loading may build layouts. */
    static final Template SEED = Template.load("templates/shanxi-13.template");

    static final List<TableLayout> ALL = SEED.tables();

    /** The year and layout of a title line; year 0 for a title printed without one. */
    record Title(TableLayout layout, int year) {
    }

    public static TableLayout of(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("disclosure tables are numbered 1 to " + COUNT + ", not " + number);
        }
        return ALL.get(number - 1);
    }

    /** The ordinal a row label may start with (一、 ① 1. （一）): not part of what the row is. */
    public static final Pattern ORDINAL =
            Pattern.compile("^(?:[一二三四五六七八九十]+、|[①②③④⑤⑥⑦⑧⑨]|\\d+[.．、]|（[一二三四五六七八九十\\d]+）)");

    /** Stands for the budget year in printed header words (2026年预算数). */
    public static final String YEAR = "{year}";

    /**
     * How a table is printed: for each printed column its index among the table's cells (label cells first, then
     * amounts; tables 1 and 4 print income beside expenditure, table 9 income before expenditure), its header word,
     * and the groups of the upper header row (收入 / 支出, {year}年预算数 …) over printed columns.
     */
    public record Print(List<Integer> order, List<String> words, List<Group> groups) {
    }

    /** A header cell of the upper row over printed columns {@code first} to {@code last}. */
    public record Group(String text, int first, int last) {
    }

    public int amountCount() {
        return amountColumns.size();
    }

    /** "表2 预算收入总表", as problems name a table. */
    public String displayName() {
        return "表" + number + " " + title;
    }

    int cellCount() {
        return cells.length();
    }

    /** 分 per unit of the table's amounts: a cell published as p stands for p × this many 分. */
    public long fenPerUnit() {
        return switch (unit) {
            case "万元" -> 1_000_000L;
            case "元" -> 100L;
            default -> throw new IllegalStateException("table " + number + ": unit " + unit + " is not known");
        };
    }

    /** Whether the table is rendered from the template's filters rather than by the seed's row builders. */
    public boolean filtered() {
        return select != null;
    }

    /**
     * The code of a row: what its code cells spell (204 | 06 | 01 → 2040601); the seed's table 9 prints the
     * expenditure code beside the income code and is known by the former where it has one.
     */
    public String rowCode(List<String> labels) {
        if (select == null && number == 9 && labels.size() > 2 && !labels.get(2).isBlank()) {
            return labels.get(2).strip();
        }
        return code(labels);
    }

    /** The code a row's label cells spell (204 | 06 | 01 → 2040601); "" where the table has no codes. */
    public String code(List<String> labels) {
        StringBuilder code = new StringBuilder();
        for (int c = 0; c < codeCells && c < labels.size(); c++) {
            code.append(labels.get(c).strip());
        }
        return code.toString();
    }

    /**
     * Text as compared: no spaces (PDF extraction splits words: 政府性基 金预算), full-width parentheses, no quote
     * marks (“三公” is also printed "三公" or 三公).
     */
    public static String normalise(String text) {
        return QUOTES.matcher(SPACES.matcher(text).replaceAll("")).replaceAll("")
                .replace('(', '（').replace(')', '）');
    }

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]");
    private static final Pattern QUOTES = Pattern.compile("[“”\"‘’'「」]");
}
