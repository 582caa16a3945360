package budgetledger.events;

import budgetledger.model.BudgetSubject;

/** The reason for a subject's change against last year was recorded; a later record supersedes it. */
public record ChangeReasonRecorded(String budgetId, BudgetSubject subject, String reason, String documentNo,
                                   String commandId) {
}
