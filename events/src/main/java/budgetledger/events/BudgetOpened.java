package budgetledger.events;

import budgetledger.model.BudgetUnit;

import java.util.List;
import java.util.Map;

/**
 * A department's budget for one fiscal year was opened, with the units it covers. {@code documentNames}: the names
 * its document gave to functional codes the year's catalogue does not hold (absent from events before it existed).
 */
public record BudgetOpened(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                           List<BudgetUnit> units, Map<String, String> documentNames) {

    public BudgetOpened {
        documentNames = documentNames == null ? Map.of() : Map.copyOf(documentNames);
    }

    public BudgetOpened(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                        List<BudgetUnit> units) {
        this(budgetId, departmentCode, departmentName, fiscalYear, units, Map.of());
    }
}
