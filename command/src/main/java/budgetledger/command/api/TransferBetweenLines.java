package budgetledger.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Move a positive amount in 元 from one line to another of the same budget (调剂). */
public record TransferBetweenLines(@TargetAggregateIdentifier String budgetId, String fromLineId, String toLineId,
                                   BigDecimal amountYuan, String documentNo, String reason, String commandId)
        implements ChangeCommand {
}
