package budgetledger.disclosure.tables;

import budgetledger.model.Figures;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.ThreePublicExpense;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetLine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Table 10 财政拨款安排“三公”经费支出预算表. The figures come from the economic item of every line, basic and
 * project alike: a vehicle purchase (31013 公务用车购置) is usually a project, a reception (30217) a basic line.
 * Lines without an economic item (projects may have none) hold no "三公" money.
 */
final class ThreePublicRows {

    private ThreePublicRows() {
    }

    /** @param fiscalLines fiscal 当年 lines, basic and project, already selected */
    static List<TableRow> rows(ClassificationCatalogue catalogue, List<BudgetLine> fiscalLines) {
        int columns = 1 + SourceColumns.FISCAL.size();
        Map<ThreePublicExpense, FenCells> byExpense = new EnumMap<>(ThreePublicExpense.class);
        for (ThreePublicExpense expense : ThreePublicExpense.values()) {
            byExpense.put(expense, new FenCells(columns));
        }
        for (BudgetLine line : fiscalLines) {
            if (line.deptEconomicCode() != null && catalogue.deptEconomic(line.deptEconomicCode()).isEmpty()) {
                throw new IllegalStateException("部门经济分类 " + line.deptEconomicCode()
                        + " is not in the " + catalogue.edition() + " classification catalogue");
            }
            ThreePublicExpense expense = Figures.threePublic(line, catalogue);
            if (expense != null) {
                FenCells cells = byExpense.get(expense);
                cells.add(0, line.amountFen());
                cells.add(1 + SourceColumns.indexOf(SourceColumns.FISCAL, line), line.amountFen());
            }
        }
        FenCells travel = byExpense.get(ThreePublicExpense.TRAVEL_ABROAD);
        FenCells reception = byExpense.get(ThreePublicExpense.RECEPTION);
        FenCells purchase = byExpense.get(ThreePublicExpense.VEHICLE_PURCHASE);
        FenCells operation = byExpense.get(ThreePublicExpense.VEHICLE_OPERATION);
        FenCells vehicles = sum(columns, purchase, operation);
        FenCells total = sum(columns, travel, reception, vehicles);
        return List.of(
                travel.row(1, List.of(ThreePublicExpense.TRAVEL_ABROAD.label())),
                reception.row(1, List.of(ThreePublicExpense.RECEPTION.label())),
                vehicles.row(1, List.of("公务用车购置及运行费")),
                purchase.row(2, List.of("①" + ThreePublicExpense.VEHICLE_PURCHASE.label())),
                operation.row(2, List.of("②" + ThreePublicExpense.VEHICLE_OPERATION.label())),
                total.row(0, List.of("合计")));
    }

    private static FenCells sum(int columns, FenCells... parts) {
        FenCells cells = new FenCells(columns);
        for (FenCells part : parts) {
            cells.addAll(part);
        }
        return cells;
    }
}
