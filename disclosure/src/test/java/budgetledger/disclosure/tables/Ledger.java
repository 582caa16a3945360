package budgetledger.disclosure.tables;

import budgetledger.model.BudgetUnit;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.UnitType;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetLine;
import budgetledger.disclosure.BudgetHeader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hand-built budget of the seed's department (晋城市行政审批服务管理局, 2026) and its lines, in 分, for the
 * table tests. Lines are added in recording order; line ids count up from L1.
 */
final class Ledger {

    static final String BUDGET_ID = "062-2026";
    static final String DEPARTMENT = "晋城市行政审批服务管理局";
    static final BudgetUnit BUREAU = new BudgetUnit("062001", "晋城市行政审批服务管理局", UnitType.ADMINISTRATIVE);
    static final BudgetUnit SERVICE_CENTRE = new BudgetUnit("062002", "晋城市政务服务中心", UnitType.CIVIL_SERVICE_MANAGED);
    static final BudgetUnit TRADING_CENTRE = new BudgetUnit("062003", "晋城市公共资源交易中心", UnitType.PUBLIC_INSTITUTION);

    private final List<BudgetLine> lines = new ArrayList<>();

    static BudgetHeader budget() {
        return new BudgetHeader("062", DEPARTMENT, 2026, List.of(BUREAU, SERVICE_CENTRE, TRADING_CENTRE));
    }

    /** 万元 as written in the tables to exact 分: "1162.34" → 1162340000 (also takes more decimals). */
    static long wan(String wanYuan) {
        return new BigDecimal(wanYuan).movePointRight(6).longValueExact();
    }

    List<BudgetLine> lines() {
        return List.copyOf(lines);
    }

    DisclosureTable render(int number) {
        return DisclosureTables.render(number, budget(), lines());
    }

    Ledger line(BudgetUnit unit, String functionalCode, ExpenditureKind kind, String deptCode, String govCode,
                FundingSource source, Origin origin, String project, long amountFen) {
        String lineId = "L" + (lines.size() + 1);
        lines.add(new BudgetLine(lineId, unit.code(), functionalCode, kind, deptCode, govCode, source,
                origin, project, amountFen));
        return this;
    }

    /** 人员经费, 一般公共预算, 当年. */
    Ledger personnel(BudgetUnit unit, String functionalCode, String deptCode, String govCode, long fen) {
        return line(unit, functionalCode, ExpenditureKind.BASIC_PERSONNEL, deptCode, govCode,
                FundingSource.GENERAL_PUBLIC, Origin.CURRENT_YEAR, null, fen);
    }

    /** 公用经费, 一般公共预算, 当年. */
    Ledger publicUse(BudgetUnit unit, String functionalCode, String deptCode, String govCode, long fen) {
        return line(unit, functionalCode, ExpenditureKind.BASIC_PUBLIC_USE, deptCode, govCode,
                FundingSource.GENERAL_PUBLIC, Origin.CURRENT_YEAR, null, fen);
    }

    /** A project line without economic item, 一般公共预算, 当年. */
    Ledger project(BudgetUnit unit, String functionalCode, String project, long fen) {
        return project(unit, functionalCode, project, FundingSource.GENERAL_PUBLIC, Origin.CURRENT_YEAR, fen);
    }

    Ledger project(BudgetUnit unit, String functionalCode, String project, FundingSource source, Origin origin,
                   long fen) {
        return line(unit, functionalCode, ExpenditureKind.PROJECT, null, null, source, origin, project, fen);
    }

    /** A row's amounts as the table prints them: "1162.34", "" for a blank cell. */
    static List<String> amounts(TableRow row) {
        return row.amounts().stream().map(a -> a == null ? "" : a.toPlainString()).toList();
    }

    static List<List<String>> labels(DisclosureTable table) {
        return table.rows().stream().map(TableRow::labels).toList();
    }

    static List<Integer> levels(DisclosureTable table) {
        return table.rows().stream().map(TableRow::level).toList();
    }

    /** The first row whose label cells include {@code label}. */
    static TableRow row(DisclosureTable table, String label) {
        return table.rows().stream().filter(r -> r.labels().contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in table " + table.number()));
    }
}
