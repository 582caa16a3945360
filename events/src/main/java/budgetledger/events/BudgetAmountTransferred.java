package budgetledger.events;

import org.axonframework.serialization.Revision;

/** An amount was moved (调剂) from one line to another of the same budget; the amounts after are given. */
@Revision("1")
public record BudgetAmountTransferred(String budgetId, String fromLineId, String toLineId, long amountFen,
                                      long fromAmountAfterFen, long toAmountAfterFen,
                                      String documentNo, String reason, String commandId) {
}
