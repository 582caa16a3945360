package budgetledger.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Undo an earlier appropriation, adjustment or transfer, named by its sequence number in the budget's stream. */
public record ReverseBudgetEvent(@TargetAggregateIdentifier String budgetId, long sequence, String documentNo,
                                 String reason, String commandId) implements ChangeCommand {
}
