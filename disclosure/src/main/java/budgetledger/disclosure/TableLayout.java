package budgetledger.disclosure;

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
 */
public record TableLayout(int number, String title, Kind kind, List<String> labelColumns, List<String> amountColumns,
                   String cells, int totalColumn, List<Integer> partColumns, List<String> variants, Print print) {

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
        PROJECTS
    }

    public static final int COUNT = 13;

    /** The seed's template; its tables are {@link #ALL}. Loaded here so that Template's own loading may build layouts. */
    static final Template SEED = Template.load("templates/shanxi-13.template");

    static final List<TableLayout> ALL = SEED.tables();

    /**
     * A title line: a year, then the title; optionally preceded by 表一 / 表1 as some documents print it. Table of
     * contents lines carry dot leaders and a page number after a TAB; they are not titles.
     */
    private static final Pattern TITLE_LINE = Pattern.compile("^(?:表[一二三四五六七八九十\\d]+)?(\\d{4})年度?(.+)$");

    /** The year and layout of a title line. */
    record Title(TableLayout layout, int year) {
    }

    public static TableLayout of(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("disclosure tables are numbered 1 to " + COUNT + ", not " + number);
        }
        return ALL.get(number - 1);
    }

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

    static Optional<Title> title(String line) {
        if (line.indexOf('\t') >= 0 || line.contains("..") || line.contains("…")) {
            return Optional.empty();
        }
        Matcher m = TITLE_LINE.matcher(normalise(line));
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(2);
        for (TableLayout layout : ALL) {
            boolean named = rest.equals(normalise(layout.title))
                    || layout.variants.stream().anyMatch(variant -> rest.equals(normalise(variant)));
            if (named) {
                return Optional.of(new Title(layout, Integer.parseInt(m.group(1))));
            }
        }
        return Optional.empty();
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
