package budgetledger.events;

import budgetledger.model.BudgetUnit;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/**
 * A department's budget for one fiscal year was opened, with the units it covers. {@code documentNames}: the names
 * its document gave to functional codes the year's catalogue does not hold (absent from events before it existed).
 * {@code templateId}: the template of 部门预算公开 its tables are published in (shanxi-13, shanghai-district-9 …);
 * null for the seed's template, and in events before templates were recorded.
 */
@Revision("1")
public record BudgetOpened(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                           List<BudgetUnit> units, Map<String, String> documentNames, String templateId) {

    public BudgetOpened {
        documentNames = documentNames == null ? Map.of() : Map.copyOf(documentNames);
    }

    public BudgetOpened(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                        List<BudgetUnit> units, Map<String, String> documentNames) {
        this(budgetId, departmentCode, departmentName, fiscalYear, units, documentNames, null);
    }

    public BudgetOpened(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                        List<BudgetUnit> units) {
        this(budgetId, departmentCode, departmentName, fiscalYear, units, Map.of());
    }
}
