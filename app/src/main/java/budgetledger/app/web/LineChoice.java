package budgetledger.app.web;

import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FunctionalCode;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;

import java.math.BigDecimal;
import java.text.DecimalFormat;

/**
 * A budget line as a form offers it for choosing: by unit, 科目 (functional 项) and project, with what else tells
 * lines apart (kind, economic item, source, origin) and its balance in 元.
 */
record LineChoice(String lineId, String unitCode, String unitName, String functionalCode, String functionalName,
                  String kind, String economic, String source, String origin, String project, String balance) {

    static LineChoice of(BudgetLineRow line, BudgetRow budget, ClassificationCatalogue catalogue) {
        String unitName = budget.units().stream().filter(u -> u.code().equals(line.unitCode()))
                .map(BudgetUnit::name).findFirst().orElse(line.unitCode());
        String economic = line.deptEconomicCode() == null ? ""
                : line.deptEconomicCode() + " " + catalogue.deptEconomic(line.deptEconomicCode())
                .map(EconomicItem::name).orElse("");
        return new LineChoice(line.lineId(), line.unitCode(), unitName, line.functionalCode(),
                catalogue.functional(line.functionalCode()).map(FunctionalCode::name).orElse(""),
                line.kind().label(), economic, line.fundingSource().label(), line.origin().label(),
                line.project() == null ? "" : line.project(), yuan(line.amountFen()));
    }

    /** One line of text for a select's option. */
    public String label() {
        StringBuilder text = new StringBuilder(lineId).append(" · ").append(unitName).append(" · ")
                .append(functionalCode).append(' ').append(functionalName).append(" · ").append(kind);
        if (!economic.isEmpty()) {
            text.append(' ').append(economic);
        }
        if (!project.isEmpty()) {
            text.append(" · ").append(project);
        }
        return text.append(" · ").append(source).append(origin.equals("当年") ? "" : "（" + origin + "）")
                .append(" · 余额 ").append(balance).append(" 元").toString();
    }

    public boolean projectLine() {
        return kind.equals(ExpenditureKind.PROJECT.label());
    }

    /** 分 as 元 with thousands separators: 123456789 → 1,234,567.89. */
    static String yuan(long fen) {
        return new DecimalFormat("#,##0.00").format(BigDecimal.valueOf(fen, 2));
    }
}
