package budgetledger.events;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An earlier event of this budget (its sequence number in the budget's stream) was undone by a correction.
 * The changes are the opposite of the reversed event's, with each line's amount after them.
 */
@Revision("1")
public record BudgetEventReversed(String budgetId, long reversedSequence, String reversedEventType,
                                  List<LineAmountChange> changes, String documentNo, String reason,
                                  String commandId) {
}
