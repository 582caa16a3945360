package budgetledger.query;

import java.math.BigDecimal;

/**
 * What does the narrative of 第三部分 of budget {@code budgetId} say, generated from the ledger? Changes beyond
 * {@code warningThresholdPercent} without a recorded reason are warnings.
 */
public record FindExplanationsQuery(String budgetId, BigDecimal warningThresholdPercent) {
}
