package budgetledger.api;

import budgetledger.command.api.CommandReceipt;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.FunctionalCode;
import budgetledger.model.Yuan;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON answers of the API: money as decimal strings in 元, enumerations under their Chinese labels. */
final class Views {

    private Views() {
    }

    record UnitView(String code, String name, String type) {
        static UnitView of(BudgetUnit unit) {
            return new UnitView(unit.code(), unit.name(), unit.type().label());
        }
    }

    record BudgetView(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                      List<UnitView> units, Map<String, String> priorYearFigures, Map<String, String> changeReasons) {
        static BudgetView of(BudgetRow row) {
            Map<String, String> figures = new LinkedHashMap<>();
            row.priorYearFigures().forEach((subject, fen) -> figures.put(subject.label(), Yuan.format(fen)));
            Map<String, String> reasons = new LinkedHashMap<>();
            row.changeReasons().forEach((subject, text) -> reasons.put(subject.label(), text));
            return new BudgetView(row.budgetId(), row.departmentCode(), row.departmentName(), row.fiscalYear(),
                    row.units().stream().map(UnitView::of).toList(), figures, reasons);
        }
    }

    record LineView(String lineId, String unitCode, String unitName, String functionalCode, String functionalName,
                    String kind, String deptEconomicCode, String deptEconomicName, String govEconomicCode,
                    String govEconomicName, String threePublic, String fundingSource, String origin, String project,
                    String appropriated, String amount) {

        static LineView of(BudgetLineRow line, BudgetRow budget) {
            ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(budget.fiscalYear());
            String unitName = budget.units().stream().filter(u -> u.code().equals(line.unitCode()))
                    .map(BudgetUnit::name).findFirst().orElse(null);
            EconomicItem item = line.deptEconomicCode() == null ? null
                    : catalogue.deptEconomic(line.deptEconomicCode()).orElse(null);
            return new LineView(line.lineId(), line.unitCode(), unitName, line.functionalCode(),
                    catalogue.functional(line.functionalCode()).map(FunctionalCode::name).orElse(null),
                    line.kind().label(), line.deptEconomicCode(), item == null ? null : item.name(),
                    line.govEconomicCode(),
                    line.govEconomicCode() == null ? null : catalogue.govEconomicName(line.govEconomicCode()).orElse(null),
                    item == null || item.threePublic() == null ? null : item.threePublic().label(),
                    line.fundingSource().label(), line.origin().label(), line.project(),
                    Yuan.format(line.appropriatedFen()), Yuan.format(line.amountFen()));
        }
    }

    record LineBalanceView(String lineId, String amount) {
    }

    record ReceiptView(String budgetId, String commandId, long sequence, List<LineBalanceView> lines) {
        static ReceiptView of(String budgetId, CommandReceipt receipt) {
            return new ReceiptView(budgetId, receipt.commandId(), receipt.sequence(), receipt.lines().stream()
                    .map(b -> new LineBalanceView(b.lineId(), Yuan.format(b.amountFen()))).toList());
        }
    }

    record LineCreatedView(String budgetId, String lineId, String commandId, long sequence, String amount) {
    }

    record BudgetCreatedView(String budgetId) {
    }
}
