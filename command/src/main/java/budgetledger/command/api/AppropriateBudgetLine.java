package budgetledger.command.api;

import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Appropriate a new budget line (年初预算) of {@code amountYuan} 元. */
public record AppropriateBudgetLine(@TargetAggregateIdentifier String budgetId, String unitCode,
                                    String functionalCode, ExpenditureKind kind, String deptEconomicCode,
                                    String govEconomicCode, FundingSource fundingSource, Origin origin,
                                    String project, BigDecimal amountYuan, String documentNo, String reason,
                                    String commandId) implements ChangeCommand {
}
