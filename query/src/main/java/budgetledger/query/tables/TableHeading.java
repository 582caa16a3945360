package budgetledger.query.tables;

import java.util.List;

/**
 * What a disclosure table looks like before any row: its number, year-less title and column headers, exactly as
 * docs/TABLES.md lists them. The parser of published documents follows the same page.
 */
record TableHeading(int number, String title, List<String> labelColumns, List<String> amountColumns) {

    static final int COUNT = 13;

    private static final List<String> CODE_NAME = List.of("科目编码", "科目名称");
    private static final List<String> TOTAL_BASIC_PROJECT = List.of("合计", "基本支出", "项目支出");
    private static final List<String> TOTAL_FISCAL = List.of("合计", "一般公共预算", "政府性基金预算", "国有资本经营预算");

    private static final List<TableHeading> ALL = List.of(
            new TableHeading(1, "预算收支总表", List.of("收入项目", "支出项目"),
                    List.of("收入金额", "支出合计", "当年预算安排", "上年结转安排")),
            new TableHeading(2, "预算收入总表", CODE_NAME,
                    List.of("合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金", "上年结转")),
            new TableHeading(3, "预算支出总表", CODE_NAME, TOTAL_BASIC_PROJECT),
            new TableHeading(4, "财政拨款收支总表", List.of("收入项目", "支出项目"),
                    List.of("收入金额", "支出小计", "一般公共预算", "政府性基金预算", "国有资本经营预算")),
            new TableHeading(5, "一般公共预算支出预算表（不含上年结转）", CODE_NAME, TOTAL_BASIC_PROJECT),
            new TableHeading(6, "一般公共预算安排基本支出分经济科目表（不含上年结转）",
                    List.of("部门预算支出经济科目名称", "政府预算支出经济科目名称"), List.of("合计", "人员经费", "公用经费")),
            new TableHeading(7, "政府性基金预算收入表（不含上年结转）", List.of("收入科目编码", "科目名称"),
                    List.of("政府性基金收入预算")),
            new TableHeading(8, "政府性基金预算支出表（不含上年结转）", CODE_NAME, TOTAL_BASIC_PROJECT),
            new TableHeading(9, "国有资本经营预算收支预算表（不含上年结转）",
                    List.of("收入科目编码", "收入科目名称", "科目编码", "科目名称"),
                    List.of("国有资本经营收入预算", "合计", "基本支出", "项目支出")),
            new TableHeading(10, "财政拨款安排“三公”经费支出预算表", List.of("项目"), TOTAL_FISCAL),
            new TableHeading(11, "财政拨款安排机关运行经费预算表", List.of("单位名称"), TOTAL_FISCAL),
            new TableHeading(12, "项目支出预算表（本年预算）", List.of("项目名称"),
                    List.of("合计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金")),
            new TableHeading(13, "项目支出预算表（上年结转）", List.of("项目名称"), TOTAL_FISCAL));

    static TableHeading of(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("disclosure tables are numbered 1 to " + COUNT + ", not " + number);
        }
        return ALL.get(number - 1);
    }

    int amountCount() {
        return amountColumns.size();
    }
}
