package budgetledger.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Record the lines, adjustments and transfers of one line-item file (the workbook finance staff keep) in one unit
 * of work: all of them or none. Adjustments and transfers name a line by {@code lineRef}: an existing line id
 * ({@code L12}) or {@code #n}, the n-th line of this file. A file ({@code fileSha256}) is imported once.
 */
public record ImportLineItems(@TargetAggregateIdentifier String budgetId, String fileName, String fileSha256,
                              List<AppropriateBudgetLine> lines, List<Adjustment> adjustments,
                              List<Transfer> transfers, String commandId) {

    /** 追加 (positive) or 追减 (negative) of {@code amountYuan} 元. */
    public record Adjustment(String lineRef, BigDecimal amountYuan, String documentNo, String reason) {
    }

    /** 调剂 of {@code amountYuan} 元 from one line to another. */
    public record Transfer(String fromLineRef, String toLineRef, BigDecimal amountYuan, String documentNo,
                           String reason) {
    }
}
