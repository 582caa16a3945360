package budgetledger.command.api;

import budgetledger.model.BudgetUnit;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Open a department's budget for a fiscal year; {@code budgetId} must be {@code {departmentCode}-{fiscalYear}}. */
public record OpenBudget(@TargetAggregateIdentifier String budgetId, String departmentCode, String departmentName,
                         int fiscalYear, List<BudgetUnit> units) {
}
