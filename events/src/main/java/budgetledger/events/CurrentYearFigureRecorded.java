package budgetledger.events;

import budgetledger.model.BudgetSubject;
import org.axonframework.serialization.Revision;

/**
 * This year's figure for a subject that the lines cannot give (政府采购 and its parts) was recorded with the
 * budget; a later record supersedes it.
 */
@Revision("1")
public record CurrentYearFigureRecorded(String budgetId, BudgetSubject subject, long amountFen,
                                        String documentNo, String reason, String commandId) {
}
