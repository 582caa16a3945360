package budgetledger.events;

import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import org.axonframework.serialization.Revision;

/**
 * A budget line was appropriated (年初预算). Economic codes are null where the line has none; {@code project}
 * is null on basic lines.
 */
@Revision("1")
public record BudgetLineAppropriated(String budgetId, String lineId, String unitCode, String functionalCode,
                                     ExpenditureKind kind, String deptEconomicCode, String govEconomicCode,
                                     FundingSource fundingSource, Origin origin, String project, long amountFen,
                                     String documentNo, String reason, String commandId) {
}
