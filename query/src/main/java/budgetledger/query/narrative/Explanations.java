package budgetledger.query.narrative;

import budgetledger.model.Figures;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FunctionalCode;
import budgetledger.model.FundingSource;
import budgetledger.model.UnitType;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.yoy.Percent;
import budgetledger.query.yoy.SubjectFigures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Generates the narrative of 第三部分 (sections 一 to 九) from the ledger, in the seed's words: every number is
 * computed from the lines (政府采购 from the figures recorded for it), every reason is the text finance staff
 * recorded for the subject. Pure: no Spring, no database. Amounts with thousands separators where the seed writes
 * them (sections 一, 二, 四 to 八), without in section 三, as the seed does.
 */
public final class Explanations {

    private final BudgetRow budget;
    private final ClassificationCatalogue catalogue;
    private final LedgerSums sums;
    private final Map<BudgetSubject, Long> thisYear;
    private final LastYear lastYear;
    private final Notes notes;
    private final String lead;

    private Explanations(BudgetRow budget, List<BudgetLineRow> lines, Map<BudgetSubject, Long> recorded,
                         LastYear lastYear, BigDecimal thresholdPercent) {
        this.budget = budget;
        this.catalogue = ClassificationCatalogue.forYear(budget.fiscalYear());
        this.sums = new LedgerSums(lines);
        this.thisYear = SubjectFigures.of(budget, lines, recorded);
        this.lastYear = lastYear;
        this.notes = new Notes(thresholdPercent);
        this.lead = budget.fiscalYear() + "年度" + budget.departmentName();
    }

    /**
     * @param recorded         this year's figures recorded as facts (政府采购)
     * @param thresholdPercent a change beyond it without a recorded reason is a warning
     */
    public static Explanation generate(BudgetRow budget, List<BudgetLineRow> lines, Map<BudgetSubject, Long> recorded,
                                       LastYear lastYear, BigDecimal thresholdPercent) {
        return new Explanations(budget, lines, recorded, lastYear, thresholdPercent).generate(thresholdPercent);
    }

    private Explanation generate(BigDecimal thresholdPercent) {
        List<Section> sections = new ArrayList<>();
        sections.add(section("一", "部门预算收支数据变动情况及原因", this::changes));
        sections.add(section("二", "收入预算情况说明", this::income));
        sections.add(section("三", "支出预算情况说明", this::expenditure));
        sections.add(section("四", "财政拨款收支预算总体情况说明", this::fiscal));
        sections.add(section("五", "一般公共预算支出情况说明", this::generalPublic));
        sections.add(section("六", "一般公共预算基本支出情况说明", this::basic));
        sections.add(section("七", "“三公”经费增减变动原因说明", this::threePublic));
        sections.add(section("八", "机关运行经费增减变动原因说明", this::agencyOperatingCost));
        sections.add(section("九", "政府采购情况", this::procurement));
        return new Explanation(budget.budgetId(), budget.fiscalYear(), budget.departmentName(),
                lastYear.ledgerBudgetId(), thresholdPercent, List.copyOf(sections), notes.warnings());
    }

    private Section section(String number, String title, Supplier<String> writer) {
        String text = writer.get();
        return new Section(number, title, text, notes.takeFlags());
    }

    /** The change of a subject; 收入 and 支出 fall back on 收支总计 for last year's figure and the reason. */
    private Change change(BudgetSubject subject, BudgetSubject fallback) {
        Long last = lastYear.figure(subject).or(() -> lastYear.figure(fallback)).orElse(null);
        String reason = budget.changeReasons().getOrDefault(subject, budget.changeReasons().get(fallback));
        return new Change(subject, last, thisYear.getOrDefault(subject, 0L), reason);
    }

    private Change change(BudgetSubject subject) {
        return change(subject, subject);
    }

    private String changes() {
        long total = sums.sum(l -> true);
        long current = sums.sum(Figures::isCurrentYear);
        long carried = sums.sum(l -> !Figures.isCurrentYear(l));
        return lead + "预算收入总计" + g(total) + "万元，其中：本年收入" + g(current) + "万元，上年结转" + g(carried)
                + "万元，" + notes.change("收入", change(BudgetSubject.INCOME, BudgetSubject.TOTAL), "上年")
                + "；本年部门预算支出总计" + g(total) + "万元，其中：本年预算安排" + g(current) + "万元，上年结转"
                + g(carried) + "万元，" + notes.change("支出", change(BudgetSubject.EXPENDITURE, BudgetSubject.TOTAL), "上年")
                + "。";
    }

    private String income() {
        long total = sums.sum(l -> true);
        Map<FundingSource, Long> bySource = sums.currentBySource();
        long carried = sums.sum(l -> !Figures.isCurrentYear(l));
        StringJoiner parts = new StringJoiner("；");
        parts.add("一般公共预算拨款收入" + share(bySource.get(FundingSource.GENERAL_PUBLIC), total));
        parts.add("政府性基金预算拨款收入" + share(bySource.get(FundingSource.GOVERNMENT_FUND), total));
        parts.add("国有资本经营预算拨款收入" + share(bySource.get(FundingSource.STATE_CAPITAL), total));
        parts.add("财政专户管理资金收入" + share(bySource.get(FundingSource.FISCAL_SPECIAL_ACCOUNT), total));
        parts.add("单位资金" + share(bySource.get(FundingSource.UNIT_OWN), total));
        parts.add("上年结转" + share(carried, total));
        return lead + "预算收入" + g(total) + "万元，主要包括" + parts + "。";
    }

    private String expenditure() {
        long total = sums.sum(l -> true);
        long basic = sums.sum(Figures::isBasic);
        long project = sums.sum(Figures::isProject);
        return lead + "支出预算" + WanYuanText.plain(total) + "万元，其中：基本支出" + WanYuanText.plain(basic) + "万元，占"
                + WanYuanText.percent(Percent.share(basic, total)) + "；项目支出" + WanYuanText.plain(project)
                + "万元，占" + WanYuanText.percent(Percent.share(project, total)) + "。";
    }

    private String fiscal() {
        long fiscal = sums.sum(Figures::isFiscal);
        StringJoiner classes = new StringJoiner("、");
        sums.byClass(Figures::isFiscal)
                .forEach((code, fen) -> classes.add(className(code) + g(fen) + "万元"));
        return lead + "财政拨款收支总预算" + g(fiscal) + "万元。其中：一般公共预算拨款"
                + g(sums.sum(l -> l.fundingSource() == FundingSource.GENERAL_PUBLIC)) + "万元，政府性基金预算拨款"
                + g(sums.sum(l -> l.fundingSource() == FundingSource.GOVERNMENT_FUND)) + "万元，国有资本经营预算拨款"
                + g(sums.sum(l -> l.fundingSource() == FundingSource.STATE_CAPITAL)) + "万元。其中：当年拨款收入"
                + g(sums.sum(Figures::isFiscalCurrent))
                + "万元，上年结转收入"
                + g(sums.sum(l -> Figures.isFiscal(l) && !Figures.isCurrentYear(l))) + "万元。"
                + (classes.length() == 0 ? "" : "支出包括：" + classes + "。");
    }

    private String generalPublic() {
        long total = sums.sum(LedgerSums.generalPublicCurrent());
        StringJoiner classes = new StringJoiner("；");
        SortedMap<String, Long> byClass = sums.byClass(LedgerSums.generalPublicCurrent());
        byClass.forEach((code, fen) -> classes.add(className(code) + share(fen, total)));
        return "（一）一般公共预算当年支出规模变化情况\n" + lead + "一般公共预算当年支出" + g(total) + "万元，"
                + notes.change("一般公共预算当年支出", change(BudgetSubject.GENERAL_PUBLIC_EXPENDITURE), "上年") + "。\n"
                + "（二）一般公共预算当年支出结构情况\n" + lead + "一般公共预算当年支出" + g(total) + "万元"
                + (byClass.isEmpty() ? "。" : "，主要用于以下方面：" + classes + "。");
    }

    private String basic() {
        long personnel = sums.sum(LedgerSums.generalPublicCurrent(ExpenditureKind.BASIC_PERSONNEL));
        long publicUse = sums.sum(LedgerSums.generalPublicCurrent(ExpenditureKind.BASIC_PUBLIC_USE));
        return lead + "一般公共预算安排基本支出" + g(personnel + publicUse) + "万元，其中：人员经费" + g(personnel) + "万元"
                + items(ExpenditureKind.BASIC_PERSONNEL) + "；公用经费" + g(publicUse) + "万元"
                + items(ExpenditureKind.BASIC_PUBLIC_USE) + "。";
    }

    private String items(ExpenditureKind kind) {
        List<String> names = sums.economicItemNames(catalogue, LedgerSums.generalPublicCurrent(kind));
        return names.isEmpty() ? "" : "，主要包括：" + String.join("、", names);
    }

    private String threePublic() {
        String lastYearName = (budget.fiscalYear() - 1) + "年";
        StringJoiner parts = new StringJoiner("；");
        for (BudgetSubject subject : List.of(BudgetSubject.TRAVEL_ABROAD, BudgetSubject.RECEPTION,
                BudgetSubject.VEHICLE_TOTAL, BudgetSubject.VEHICLE_OPERATION, BudgetSubject.VEHICLE_PURCHASE)) {
            parts.add(subject.label() + g(thisYear.get(subject)) + "万元，"
                    + notes.change(subject.label(), change(subject), "上年"));
        }
        return budget.fiscalYear() + "年" + budget.departmentName() + "财政拨款安排的“三公”经费预算"
                + g(thisYear.get(BudgetSubject.THREE_PUBLIC_TOTAL)) + "万元，"
                + notes.change("“三公”经费", change(BudgetSubject.THREE_PUBLIC_TOTAL), lastYearName) + "。其中："
                + parts + "。";
    }

    private String agencyOperatingCost() {
        long administrative = agencyUnits(UnitType.ADMINISTRATIVE);
        long civilService = agencyUnits(UnitType.CIVIL_SERVICE_MANAGED);
        StringJoiner units = new StringJoiner("、", "所属", "");
        if (administrative > 0) {
            units.add(administrative + "家行政单位");
        }
        if (civilService > 0) {
            units.add(civilService + "家参公单位");
        }
        return "本部门" + budget.fiscalYear() + "年" + (administrative + civilService > 0 ? units.toString() : "")
                + "机关运行经费财政拨款预算" + g(thisYear.get(BudgetSubject.AGENCY_OPERATING_COST)) + "万元，"
                + notes.change("机关运行经费", change(BudgetSubject.AGENCY_OPERATING_COST),
                (budget.fiscalYear() - 1) + "年预算") + "。";
    }

    /** How many units of a type have 机关运行经费. */
    private long agencyUnits(UnitType type) {
        return budget.units().stream().filter(u -> u.type() == type).map(BudgetUnit::code)
                .filter(code -> sums.sum(l -> l.unitCode().equals(code) && Figures.isFiscalCurrentPublicUse(l)) != 0)
                .count();
    }

    private String procurement() {
        String head = budget.fiscalYear() + "年" + budget.departmentName();
        Long total = thisYear.get(BudgetSubject.GOVERNMENT_PROCUREMENT);
        if (total == null) {
            notes.flag("政府采购：未录入本年政府采购预算");
            return head + "政府采购预算未录入。";
        }
        StringJoiner parts = new StringJoiner("、");
        for (BudgetSubject part : List.of(BudgetSubject.PROCUREMENT_GOODS, BudgetSubject.PROCUREMENT_WORKS,
                BudgetSubject.PROCUREMENT_SERVICES)) {
            String name = "政府采购" + part.label().substring(part.label().indexOf('-') + 1) + "预算";
            Long fen = thisYear.get(part);
            if (fen == null) {
                notes.flag("政府采购：未录入" + name);
            } else {
                parts.add(name + g(fen) + "万元");
            }
        }
        return head + "政府采购预算总额" + g(total) + "万元。" + (parts.length() == 0 ? "" : "其中：" + parts + "。");
    }

    private String share(long fen, long total) {
        return g(fen) + "万元，占" + WanYuanText.percent(Percent.share(fen, total));
    }

    private String className(String code) {
        return catalogue.functional(code).map(FunctionalCode::name).orElse(code);
    }

    private static String g(Long fen) {
        return WanYuanText.grouped(fen == null ? 0 : fen);
    }
}
