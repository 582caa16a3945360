package budgetledger.disclosure;

import budgetledger.model.BudgetUnit;

import java.util.List;
import java.util.Map;

/**
 * What the tables need of a budget besides its lines.
 *
 * @param documentNames names the imported document gave to classification codes the catalogue of the year does
 *                      not hold (code → name); tables print them as the document did
 */
public record BudgetHeader(String departmentCode, String departmentName, int fiscalYear, List<BudgetUnit> units,
                           Map<String, String> documentNames) {

    public BudgetHeader {
        units = List.copyOf(units);
        documentNames = Map.copyOf(documentNames);
    }

    public BudgetHeader(String departmentCode, String departmentName, int fiscalYear, List<BudgetUnit> units) {
        this(departmentCode, departmentName, fiscalYear, units, Map.of());
    }
}
