package budgetledger.command.api;

import budgetledger.model.BudgetSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record why a subject changed against last year (the words of 增减变动原因说明). */
public record RecordChangeReason(@TargetAggregateIdentifier String budgetId, BudgetSubject subject, String reason,
                                 String documentNo, String commandId) implements ChangeCommand {
}
