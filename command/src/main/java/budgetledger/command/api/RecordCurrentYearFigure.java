package budgetledger.command.api;

import budgetledger.model.BudgetSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Record this year's figure, in 元, of a subject the lines do not give (政府采购 and its parts). */
public record RecordCurrentYearFigure(@TargetAggregateIdentifier String budgetId, BudgetSubject subject,
                                      BigDecimal amountYuan, String documentNo, String reason, String commandId)
        implements ChangeCommand {
}
