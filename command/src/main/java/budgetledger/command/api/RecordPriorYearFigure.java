package budgetledger.command.api;

import budgetledger.model.BudgetSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Record last year's figure for a subject, in 元. */
public record RecordPriorYearFigure(@TargetAggregateIdentifier String budgetId, BudgetSubject subject,
                                    BigDecimal amountYuan, String documentNo, String reason, String commandId)
        implements ChangeCommand {
}
