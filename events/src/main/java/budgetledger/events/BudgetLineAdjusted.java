package budgetledger.events;

import org.axonframework.serialization.Revision;

/** A line was adjusted up (追加, positive) or down (追减, negative); {@code amountAfterFen} is its new amount. */
@Revision("1")
public record BudgetLineAdjusted(String budgetId, String lineId, long amountFen, long amountAfterFen,
                                 String documentNo, String reason, String commandId) {
}
