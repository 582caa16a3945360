package budgetledger.query.tables;

import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import budgetledger.projections.BudgetRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 部门预算公开 document of a budget as text, in the form the seed's PDF extracts to and the parser reads
 * (docs/DISCLOSURE-PARSER.md): a cover with the department's name, code and year; the 机构设置 line naming the
 * units after the first; the thirteen tables, each under its title with 部门名称 and 单位：万元, header rows in
 * published words, cells separated by TAB, 注：本表无数据 under an empty table; then the narrative, which states
 * for each subject with a recorded prior-year figure or reason this year's amount (from the tables), the change
 * against last year and the reason, in sentences the parser's narrative reader reads back. Lines end in LF.
 */
public final class DisclosureText {

    private static final String TAB = "\t";

    /** The narrated subjects, in the order the narrative states them, and the wording of each sentence's subject. */
    private static final List<BudgetSubject> NARRATED = List.of(BudgetSubject.TOTAL, BudgetSubject.THREE_PUBLIC_TOTAL,
            BudgetSubject.TRAVEL_ABROAD, BudgetSubject.RECEPTION, BudgetSubject.VEHICLE_TOTAL,
            BudgetSubject.VEHICLE_OPERATION, BudgetSubject.VEHICLE_PURCHASE, BudgetSubject.AGENCY_OPERATING_COST);

    private DisclosureText() {
    }

    public static String write(BudgetRow budget, List<DisclosureTable> tables) {
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
        for (DisclosureTable table : tables) {
            writeTable(out, table, year, budget.departmentName());
        }
        out.add("第三部分 " + year + "年度部门预算情况说明");
        out.add("");
        writeNarrative(out, budget, tables);
        return String.join("\n", out) + "\n";
    }

    private static void writeTable(List<String> out, DisclosureTable table, int year, String departmentName) {
        PublishedLayout layout = PublishedLayout.of(table.number(), year);
        out.add("预算公开表" + table.number());
        out.add("");
        out.add(year + "年" + table.title());
        out.add("");
        out.add("部门名称：" + departmentName);
        out.add("单位：万元");
        out.add(String.join(TAB, layout.upperHeader()));
        out.add(String.join(TAB, layout.lowerHeader()));
        for (TableRow row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (Object cell : layout.cells(row)) {
                cells.add(cell == null ? "" : cell instanceof BigDecimal amount ? amount.setScale(2).toPlainString()
                        : clean((String) cell));
            }
            out.add(String.join(TAB, cells));
        }
        if (table.holdsNoAmount()) {
            out.add("注：本表无数据");
        }
        out.add("");
    }

    /**
     * One sentence per narrated subject that has a prior-year figure or a reason: 收支总计4294.01万元，比上年减少
     * 263.35万元，主要原因是…。 The amount is the table's (收入总计 of table 1, table 10's rows, 部门合计 of table 11)
     * and the change is that amount less the prior-year figure, so the reader's prior year (amount − change) is the
     * recorded one, exactly.
     */
    private static void writeNarrative(List<String> out, BudgetRow budget, List<DisclosureTable> tables) {
        Map<BudgetSubject, Long> priors = budget.priorYearFigures();
        Map<BudgetSubject, String> reasons = budget.changeReasons();
        for (BudgetSubject subject : NARRATED) {
            Long priorFen = priors.get(subject);
            String reason = reasons.get(subject);
            if (priorFen == null && reason == null) {
                continue;
            }
            BigDecimal amount = amountOf(subject, tables);
            StringBuilder sentence = new StringBuilder();
            sentence.append(year(budget)).append("年度").append(wording(subject)).append(amount.toPlainString())
                    .append("万元");
            if (priorFen != null) {
                BigDecimal change = amount.subtract(BigDecimal.valueOf(priorFen).movePointLeft(6));
                if (change.signum() == 0) {
                    sentence.append("，与上年预算数相同");
                } else {
                    sentence.append("，比上年").append(change.signum() > 0 ? "增加" : "减少")
                            .append(wanYuan(change.abs())).append("万元");
                }
            }
            if (reason != null && !reason.isBlank()) {
                sentence.append("，主要原因是").append(clean(reason).replaceAll("[。；;]", "，"));
            }
            out.add(sentence.append("。").toString());
            out.add("");
        }
    }

    private static int year(BudgetRow budget) {
        return budget.fiscalYear();
    }

    /** The words before the amount, as the narrative reader looks for them. */
    private static String wording(BudgetSubject subject) {
        return switch (subject) {
            case TOTAL -> "部门预算收支总计";
            case THREE_PUBLIC_TOTAL -> "财政拨款安排的“三公”经费预算";
            case AGENCY_OPERATING_COST -> "机关运行经费财政拨款预算";
            default -> subject.label();
        };
    }

    /** This year's amount of a narrated subject, from the tables, in 万元 with two decimals (0.00 when blank). */
    private static BigDecimal amountOf(BudgetSubject subject, List<DisclosureTable> tables) {
        BigDecimal amount = switch (subject) {
            case TOTAL -> first(table(tables, 1), "收入总计");
            case THREE_PUBLIC_TOTAL -> first(table(tables, 10), "合计");
            case TRAVEL_ABROAD -> first(table(tables, 10), "因公出国（境）费");
            case RECEPTION -> first(table(tables, 10), "公务接待费");
            case VEHICLE_TOTAL -> first(table(tables, 10), "公务用车购置及运行费");
            case VEHICLE_PURCHASE -> first(table(tables, 10), "①公务用车购置费");
            case VEHICLE_OPERATION -> first(table(tables, 10), "②公务用车运行维护费");
            case AGENCY_OPERATING_COST -> first(table(tables, 11), "部门合计");
            default -> throw new IllegalArgumentException("not narrated: " + subject);
        };
        return amount == null ? new BigDecimal("0.00") : amount.setScale(2);
    }

    private static DisclosureTable table(List<DisclosureTable> tables, int number) {
        return tables.stream().filter(t -> t.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + number + " is missing"));
    }

    /** The first amount of the row whose first label is {@code label}; null when blank or absent. */
    private static BigDecimal first(DisclosureTable table, String label) {
        return table.rows().stream().filter(r -> r.labels().get(0).equals(label)).findFirst()
                .map(r -> r.amounts().get(0)).orElse(null);
    }

    /** 万元 with at least two decimals; more only when the prior-year figure was recorded to the 分. */
    private static String wanYuan(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    /** A cell or reason on one line and without TAB, which would split it. */
    private static String clean(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ");
    }
}
