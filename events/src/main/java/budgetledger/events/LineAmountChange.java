package budgetledger.events;

/** One line's share of a reversal: the signed change and the line's amount after it. */
public record LineAmountChange(String lineId, long amountFen, long amountAfterFen) {
}
