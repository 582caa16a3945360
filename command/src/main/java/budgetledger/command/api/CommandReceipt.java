package budgetledger.command.api;

import java.util.List;

/**
 * The answer to a change command: the sequence number of the event it recorded in the budget's stream and the
 * amounts of the lines it touched. A retry with the same command id gets the same receipt.
 */
public record CommandReceipt(String commandId, String commandType, long sequence, List<LineBalance> lines) {

    public record LineBalance(String lineId, long amountFen) {
    }
}
