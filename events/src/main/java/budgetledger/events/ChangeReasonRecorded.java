package budgetledger.events;

import budgetledger.model.BudgetSubject;
import org.axonframework.serialization.Revision;

/** The reason for a subject's change against last year was recorded; a later record supersedes it. */
@Revision("1")
public record ChangeReasonRecorded(String budgetId, BudgetSubject subject, String reason, String documentNo,
                                   String commandId) {
}
