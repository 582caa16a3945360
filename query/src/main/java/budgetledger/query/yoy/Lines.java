package budgetledger.query.yoy;

import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.ThreePublicExpense;
import budgetledger.model.UnitType;
import budgetledger.projections.BudgetLineRow;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which lines a figure covers, as the disclosure tables select them (docs/TABLES.md). */
final class Lines {

    private Lines() {
    }

    static boolean isFiscalCurrent(BudgetLineRow line) {
        return line.fundingSource().isFiscal() && line.origin() == Origin.CURRENT_YEAR;
    }

    static boolean isGeneralPublicCurrent(BudgetLineRow line) {
        return line.fundingSource() == FundingSource.GENERAL_PUBLIC && line.origin() == Origin.CURRENT_YEAR;
    }

    /** The "三公" category of a fiscal 当年 line's economic item (table 10); null for any other line. */
    static ThreePublicExpense threePublic(ClassificationCatalogue catalogue, BudgetLineRow line) {
        if (!isFiscalCurrent(line) || line.deptEconomicCode() == null) {
            return null;
        }
        return catalogue.deptEconomic(line.deptEconomicCode()).map(EconomicItem::threePublic).orElse(null);
    }

    /** The units that run a 机关 (行政 and 参公): only their 公用经费 is 机关运行经费. */
    static Set<String> agencyUnits(List<BudgetUnit> units) {
        return units.stream().filter(u -> u.type() == UnitType.ADMINISTRATIVE
                || u.type() == UnitType.CIVIL_SERVICE_MANAGED).map(BudgetUnit::code).collect(Collectors.toSet());
    }

    /** 机关运行经费 (table 11): fiscal 当年 基本支出-公用经费 of an agency unit. */
    static boolean isAgencyOperatingCost(Set<String> agencyUnits, BudgetLineRow line) {
        return isFiscalCurrent(line) && line.kind() == ExpenditureKind.BASIC_PUBLIC_USE
                && agencyUnits.contains(line.unitCode());
    }
}
