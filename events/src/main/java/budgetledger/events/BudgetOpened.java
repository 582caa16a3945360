package budgetledger.events;

import budgetledger.model.BudgetUnit;

import java.util.List;

/** A department's budget for one fiscal year was opened, with the units it covers. */
public record BudgetOpened(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                           List<BudgetUnit> units) {
}
