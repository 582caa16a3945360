package budgetledger.web;

import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FunctionalCode;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A budget line as the console names it: by what it is — unit · 功能科目 · 经济科目 or 项目 — never by its id alone
 * (L12 means nothing to the person who typed the budget in), with what else tells two lines apart (kind, source,
 * origin) and its balance in 万元, the unit of every table.
 */
record LineChoice(String lineId, String unitCode, String unitName, String functionalCode, String functionalName,
                  String kind, String economic, String source, String origin, String project, long amountFen) {

    static LineChoice of(BudgetLineRow line, BudgetRow budget, ClassificationCatalogue catalogue) {
        String unitName = budget.units().stream().filter(u -> u.code().equals(line.unitCode()))
                .map(BudgetUnit::name).findFirst().orElse(line.unitCode());
        String economic = line.deptEconomicCode() == null ? ""
                : line.deptEconomicCode() + " " + catalogue.deptEconomic(line.deptEconomicCode())
                .map(EconomicItem::name).orElse("");
        return new LineChoice(line.lineId(), line.unitCode(), unitName, line.functionalCode(),
                catalogue.functional(line.functionalCode()).map(FunctionalCode::name).orElse(""),
                line.kind().label(), economic.strip(), line.fundingSource().label(), line.origin().label(),
                line.project() == null ? "" : line.project(), line.amountFen());
    }

    /** Every line of a budget by id, in the read model's order. */
    static Map<String, LineChoice> all(List<BudgetLineRow> lines, BudgetRow budget) {
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(budget.fiscalYear());
        return lines.stream().map(l -> of(l, budget, catalogue))
                .collect(Collectors.toMap(LineChoice::lineId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** What the line is: unit · 功能科目 · 经济科目 (basic expenditure) or 项目 (project expenditure). */
    public String name() {
        return unitName + " · " + functionalCode + " " + functionalName + " · "
                + (project.isEmpty() ? (economic.isEmpty() ? kind : economic) : project);
    }

    /** What tells it from a line of the same name: kind, funding source, origin. */
    public String detail() {
        return kind + " · " + source + (origin.equals("当年") ? "" : "（" + origin + "）");
    }

    /** The option of a picker: the part after the group (unit · 科目), then the detail and the balance. */
    public String option() {
        return (project.isEmpty() ? (economic.isEmpty() ? kind : economic) : project) + " · " + detail()
                + " · 余额 " + balance() + " 万元";
    }

    /** The picker's group: unit and 科目. */
    public String group() {
        return unitName + " · " + functionalCode + " " + functionalName;
    }

    /** The words a search matches: every name and code of the line, and its id. */
    public String searchText() {
        return String.join(" ", lineId, unitCode, unitName, functionalCode, functionalName, kind, economic, source,
                origin, project).toLowerCase();
    }

    public String balance() {
        return Money.wan(amountFen);
    }

    public boolean projectLine() {
        return kind.equals(ExpenditureKind.PROJECT.label());
    }
}
