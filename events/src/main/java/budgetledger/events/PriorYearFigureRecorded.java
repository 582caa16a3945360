package budgetledger.events;

import budgetledger.model.BudgetSubject;
import org.axonframework.serialization.Revision;

/** Last year's figure for a subject was recorded with this year's budget; a later record supersedes it. */
@Revision("1")
public record PriorYearFigureRecorded(String budgetId, BudgetSubject subject, long amountFen,
                                      String documentNo, String reason, String commandId) {
}
