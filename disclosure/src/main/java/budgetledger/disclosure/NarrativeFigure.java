package budgetledger.disclosure;

import java.math.BigDecimal;

/**
 * A figure the narrative (第三部分 情况说明) states, with its change against last year's budget.
 *
 * @param amountWanYuan     this year's figure, 万元 scale 2; null when the narrative does not state it
 * @param changeWanYuan     the change against last year, positive for 增加/增长, negative for 减少/下降, zero for
 *                          与上年预算数相同; null when not stated
 * @param priorYearWanYuan  last year's figure, amount − change; null when either is absent
 * @param reason            the words after 主要原因是 (or 原因是) up to the end of the sentence; null when absent
 * @param line              the line the figure was read from; 0 when absent
 */
public record NarrativeFigure(BigDecimal amountWanYuan, BigDecimal changeWanYuan, BigDecimal priorYearWanYuan,
                              String reason, int line) {

    static final NarrativeFigure ABSENT = new NarrativeFigure(null, null, null, null, 0);

    public boolean isPresent() {
        return amountWanYuan != null;
    }
}
