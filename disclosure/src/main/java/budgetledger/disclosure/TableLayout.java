package budgetledger.disclosure;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each of the thirteen tables is published (docs/TABLES.md): its year-less title, its label and amount columns,
 * the order of its cells on a published row, and which amount column is the sum of which others.
 *
 * @param cells        one letter per published cell: L a label cell, A an amount cell, each taking the next label or
 *                     amount column. Table 1 is LALAAA: income label, income amount, expenditure label, three amounts
 * @param totalColumn  the amount column that is the sum of {@code partColumns} on every row; -1 when none
 */
public record TableLayout(int number, String title, Kind kind, List<String> labelColumns, List<String> amountColumns,
                   String cells, int totalColumn, List<Integer> partColumns) {

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

    /** Tables 5 to 9 say 不含上年结转; some documents leave the words out of the title. */
    static final String WITHOUT_CARRY_OVER = "（不含上年结转）";

    private static final List<String> CODE_NAME = List.of("科目编码", "科目名称");
    private static final List<String> TOTAL_BASIC_PROJECT = List.of("合计", "基本支出", "项目支出");
    private static final List<String> TOTAL_FISCAL = List.of("合计", "一般公共预算", "政府性基金预算", "国有资本经营预算");

    static final List<TableLayout> ALL = List.of(
            new TableLayout(1, "预算收支总表", Kind.PAIRED, List.of("收入项目", "支出项目"),
                    List.of("收入金额", "支出合计", "当年预算安排", "上年结转安排"), "LALAAA", 1, List.of(2, 3)),
            new TableLayout(2, "预算收入总表", Kind.FUNCTIONAL, CODE_NAME,
                    List.of("合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金", "上年结转"),
                    "LLAAAAAAA", 0, List.of(1, 2, 3, 4, 5)),
            new TableLayout(3, "预算支出总表", Kind.FUNCTIONAL, CODE_NAME, TOTAL_BASIC_PROJECT, "LLAAA", 0, List.of(1, 2)),
            new TableLayout(4, "财政拨款收支总表", Kind.PAIRED, List.of("收入项目", "支出项目"),
                    List.of("收入金额", "支出小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"), "LALAAAA", 1,
                    List.of(2, 3, 4)),
            new TableLayout(5, "一般公共预算支出预算表（不含上年结转）", Kind.FUNCTIONAL, CODE_NAME, TOTAL_BASIC_PROJECT,
                    "LLAAA", 0, List.of(1, 2)),
            new TableLayout(6, "一般公共预算安排基本支出分经济科目表（不含上年结转）", Kind.ECONOMIC,
                    List.of("部门预算支出经济科目名称", "政府预算支出经济科目名称"), List.of("合计", "人员经费", "公用经费"),
                    "LLAAA", 0, List.of(1, 2)),
            new TableLayout(7, "政府性基金预算收入表（不含上年结转）", Kind.FUNCTIONAL, List.of("收入科目编码", "科目名称"),
                    List.of("政府性基金收入预算"), "LLA", -1, List.of()),
            new TableLayout(8, "政府性基金预算支出表（不含上年结转）", Kind.FUNCTIONAL, CODE_NAME, TOTAL_BASIC_PROJECT,
                    "LLAAA", 0, List.of(1, 2)),
            new TableLayout(9, "国有资本经营预算收支预算表（不含上年结转）", Kind.FUNCTIONAL,
                    List.of("收入科目编码", "收入科目名称", "科目编码", "科目名称"),
                    List.of("国有资本经营收入预算", "合计", "基本支出", "项目支出"), "LLALLAAA", 1, List.of(2, 3)),
            new TableLayout(10, "财政拨款安排“三公”经费支出预算表", Kind.THREE_PUBLIC, List.of("项目"), TOTAL_FISCAL,
                    "LAAAA", 0, List.of(1, 2, 3)),
            new TableLayout(11, "财政拨款安排机关运行经费预算表", Kind.UNITS, List.of("单位名称"), TOTAL_FISCAL,
                    "LAAAA", 0, List.of(1, 2, 3)),
            new TableLayout(12, "项目支出预算表（本年预算）", Kind.PROJECTS, List.of("项目名称"),
                    List.of("合计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金"),
                    "LAAAAAA", 0, List.of(1, 2, 3, 4, 5)),
            new TableLayout(13, "项目支出预算表（上年结转）", Kind.PROJECTS, List.of("项目名称"), TOTAL_FISCAL,
                    "LAAAA", 0, List.of(1, 2, 3)));

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

    public Print print() {
        String planned = YEAR + "年预算数";
        String fiscal = YEAR + "年财政拨款";
        Group codeName = new Group("项目", 0, 1);
        return switch (number) {
            case 1 -> new Print(List.of(0, 2, 1, 3, 4, 5),
                    List.of("项目", "金额", "项目", YEAR + "年合计", "当年预算安排", "上年结转安排"),
                    List.of(new Group("收入", 0, 1), new Group("支出", 2, 5)));
            case 2 -> new Print(identity(9), List.of("科目编码", "科目名称", "合计", "一般公共预算", "政府性基金",
                    "国有资本经营预算", "财政专户管理资金", "单位资金", "上年结转"),
                    List.of(codeName, new Group("本年收入", 2, 7)));
            case 3, 5, 8 -> new Print(identity(5), List.of("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                    List.of(codeName, new Group(planned, 2, 4)));
            case 4 -> new Print(List.of(0, 2, 1, 3, 4, 5, 6),
                    List.of("项目", "金额", "项目", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"),
                    List.of(new Group("收入", 0, 1), new Group("支出", 2, 6)));
            case 6 -> new Print(identity(5), List.of("部门预算支出经济科目名称", "政府预算支出经济科目名称", "合计",
                    "人员经费", "公用经费"), List.of(new Group(planned, 2, 4)));
            case 7 -> new Print(identity(3), List.of("收入科目编码", "科目名称", "政府性基金收入预算"), List.of(codeName));
            case 9 -> new Print(List.of(0, 1, 4, 2, 3, 5, 6, 7), List.of("收入科目编码", "科目名称",
                    "国有资本经营收入预算", "科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                    List.of(new Group("国有资本经营预算收入", 0, 2), new Group("国有资本经营预算支出", 3, 7)));
            case 10, 11 -> new Print(identity(5), List.of(number == 10 ? "项目" : "单位名称", "合计", "一般公共预算",
                    "政府性基金预算", "国有资本经营预算"), List.of(new Group(planned, 1, 4)));
            case 12 -> new Print(identity(7), List.of("项目名称", "合计", "一般公共预算", "政府性基金预算",
                    "国有资本经营预算", "财政专户管理资金", "单位资金"), List.of(new Group(fiscal, 2, 4)));
            case 13 -> new Print(identity(5), List.of("项目名称", "合计", "一般公共预算", "政府性基金预算",
                    "国有资本经营预算"), List.of(new Group(fiscal, 2, 4)));
            default -> throw new IllegalStateException("no table " + number);
        };
    }

    private static List<Integer> identity(int width) {
        List<Integer> order = new java.util.ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            order.add(i);
        }
        return order;
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
            String title = normalise(layout.title);
            if (rest.equals(title) || rest.equals(title.replace(WITHOUT_CARRY_OVER, ""))) {
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
