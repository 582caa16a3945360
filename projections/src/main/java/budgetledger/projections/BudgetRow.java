package budgetledger.projections;

import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ProcurementItem;

import java.util.List;
import java.util.Map;

/**
 * A budget as the read model holds it, with its units, prior-year figures (分), change reasons and the names its
 * document gave to functional codes outside the catalogue; {@code templateId} is the template its tables are
 * published in (null: the seed's).
 */
public record BudgetRow(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                        List<BudgetUnit> units, Map<BudgetSubject, Long> priorYearFigures,
                        Map<BudgetSubject, String> changeReasons, Map<String, String> documentNames,
                        String templateId, List<ProcurementItem> procurement) {

    public BudgetRow {
        procurement = procurement == null ? List.of() : List.copyOf(procurement);
    }

    public BudgetRow(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                     List<BudgetUnit> units, Map<BudgetSubject, Long> priorYearFigures,
                     Map<BudgetSubject, String> changeReasons, Map<String, String> documentNames, String templateId) {
        this(budgetId, departmentCode, departmentName, fiscalYear, units, priorYearFigures, changeReasons,
                documentNames, templateId, List.of());
    }

    public BudgetRow(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                     List<BudgetUnit> units, Map<BudgetSubject, Long> priorYearFigures,
                     Map<BudgetSubject, String> changeReasons, Map<String, String> documentNames) {
        this(budgetId, departmentCode, departmentName, fiscalYear, units, priorYearFigures, changeReasons,
                documentNames, null);
    }

    public BudgetRow(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                     List<BudgetUnit> units, Map<BudgetSubject, Long> priorYearFigures,
                     Map<BudgetSubject, String> changeReasons) {
        this(budgetId, departmentCode, departmentName, fiscalYear, units, priorYearFigures, changeReasons, Map.of());
    }
}
