package budgetledger.projections;

import budgetledger.model.FigureLine;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;

/** One budget line as the read model holds it: its dimensions, current amount and last event applied. */
public record BudgetLineRow(String budgetId, String lineId, String unitCode, String functionalCode,
                            ExpenditureKind kind, String deptEconomicCode, String govEconomicCode,
                            FundingSource fundingSource, Origin origin, String project, long appropriatedFen,
                            long amountFen, long lastSequence) implements FigureLine {
}
