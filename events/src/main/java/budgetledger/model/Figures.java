package budgetledger.model;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one definition of each figure derived from budget lines, shared by the tables rendered from lines, year over
 * year, the narrative of 第三部分 and the reconstruction of lines from published tables (docs/TABLES.md):
 * <ul>
 *   <li>财政拨款 (the fiscal split): money of a fiscal source (一般公共预算, 政府性基金预算, 国有资本经营预算), as
 *   against 财政专户管理资金 and 单位资金;</li>
 *   <li>当年 or 上年结转, and 基本支出 (人员经费, 公用经费) or 项目支出;</li>
 *   <li>"三公"经费 (table 10): fiscal 当年 lines, basic or project, whose 部门经济分类 item is a "三公" expense;</li>
 *   <li>机关运行经费 (table 11): fiscal 当年 基本支出-公用经费 of a unit that runs a 机关 (行政 and 参公, not 事业).</li>
 * </ul>
 */
public final class Figures {

    private Figures() {
    }

    /** 财政拨款: money of a fiscal source. */
    public static boolean isFiscal(FigureLine line) {
        return line.fundingSource().isFiscal();
    }

    /** 当年 money (not 上年结转). */
    public static boolean isCurrentYear(FigureLine line) {
        return line.origin() == Origin.CURRENT_YEAR;
    }

    /** 财政拨款 of 当年: what tables 10 and 11 count. */
    public static boolean isFiscalCurrent(FigureLine line) {
        return isFiscal(line) && isCurrentYear(line);
    }

    /** 当年 money of one source. */
    public static boolean isCurrentOf(FigureLine line, FundingSource source) {
        return isCurrentYear(line) && line.fundingSource() == source;
    }

    /** 基本支出 (人员经费 or 公用经费), as against 项目支出. */
    public static boolean isBasic(FigureLine line) {
        return line.kind().isBasic();
    }

    /** 项目支出. */
    public static boolean isProject(FigureLine line) {
        return line.kind() == ExpenditureKind.PROJECT;
    }

    /** The "三公" expense the line's 部门经济分类 item is, whatever its source; null for a line without one. */
    public static ThreePublicExpense threePublicItem(FigureLine line, ClassificationCatalogue catalogue) {
        if (line.deptEconomicCode() == null) {
            return null;
        }
        return catalogue.deptEconomic(line.deptEconomicCode()).map(EconomicItem::threePublic).orElse(null);
    }

    /** The "三公"经费 a line counts toward: its item's expense on a fiscal 当年 line; null for any other line. */
    public static ThreePublicExpense threePublic(FigureLine line, ClassificationCatalogue catalogue) {
        return isFiscalCurrent(line) ? threePublicItem(line, catalogue) : null;
    }

    /** A unit that runs a 机关 (行政 and 参公): only its 公用经费 is 机关运行经费. */
    public static boolean runsAgency(UnitType type) {
        return type == UnitType.ADMINISTRATIVE || type == UnitType.CIVIL_SERVICE_MANAGED;
    }

    /** The codes of the units that run a 机关. */
    public static Set<String> agencyUnits(Collection<BudgetUnit> units) {
        return units.stream().filter(unit -> runsAgency(unit.type())).map(BudgetUnit::code)
                .collect(Collectors.toSet());
    }

    /** Fiscal 当年 基本支出-公用经费, of any unit: what table 11 selects before it leaves out 事业 units. */
    public static boolean isFiscalCurrentPublicUse(FigureLine line) {
        return isFiscalCurrent(line) && line.kind() == ExpenditureKind.BASIC_PUBLIC_USE;
    }

    /** 机关运行经费: fiscal 当年 基本支出-公用经费 of a unit among {@code agencyUnits} (see agencyUnits). */
    public static boolean isAgencyOperatingCost(FigureLine line, Set<String> agencyUnits) {
        return isFiscalCurrentPublicUse(line) && agencyUnits.contains(line.unitCode());
    }
}
