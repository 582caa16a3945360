package budgetledger.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Adjust a line by a signed amount in 元: positive 追加, negative 追减. */
public record AdjustBudgetLine(@TargetAggregateIdentifier String budgetId, String lineId, BigDecimal amountYuan,
                               String documentNo, String reason, String commandId) implements ChangeCommand {
}
