package budgetledger.disclosure.tables;

import budgetledger.model.Figures;
import budgetledger.model.BudgetUnit;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table 11 财政拨款安排机关运行经费预算表: 机关运行经费 is the 公用经费 of basic expenditure of administrative and
 * 参公 units; a 事业 unit runs no 机关 and is left out. 部门合计 first, then each unit in the budget's unit order.
 */
final class AgencyOperatingCostRows {

    private AgencyOperatingCostRows() {
    }

    /** @param publicUseLines fiscal 当年 lines of 基本支出-公用经费, of any unit, already selected */
    static List<TableRow> rows(List<BudgetUnit> units, List<BudgetLine> publicUseLines) {
        int columns = 1 + SourceColumns.FISCAL.size();
        Map<String, FenCells> byUnit = new LinkedHashMap<>();
        for (BudgetUnit unit : units) {
            if (Figures.runsAgency(unit.type())) {
                byUnit.put(unit.code(), new FenCells(columns));
            }
        }
        FenCells total = new FenCells(columns);
        for (BudgetLine line : publicUseLines) {
            FenCells cells = byUnit.get(line.unitCode());
            if (cells == null) {
                continue; // a 事业 unit
            }
            int source = 1 + SourceColumns.indexOf(SourceColumns.FISCAL, line);
            for (FenCells target : List.of(cells, total)) {
                target.add(0, line.amountFen());
                target.add(source, line.amountFen());
            }
        }
        List<TableRow> rows = new ArrayList<>();
        rows.add(total.row(0, List.of("部门合计")));
        for (BudgetUnit unit : units) {
            FenCells cells = byUnit.get(unit.code());
            if (cells != null && !cells.isZero()) {
                rows.add(cells.row(1, List.of(unit.name())));
            }
        }
        return rows;
    }
}
