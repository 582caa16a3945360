package budgetledger.query.narrative;

import budgetledger.model.BudgetSubject;
import budgetledger.query.yoy.Percent;

import java.math.BigDecimal;

/**
 * A subject's change against last year: both figures in exact 分 (last year null when unknown) and the reason
 * finance staff recorded (null when none is).
 */
public record Change(BudgetSubject subject, Long lastYearFen, long thisYearFen, String reason) {

    public enum Direction { UP, DOWN, SAME, UNKNOWN }

    public Direction direction() {
        if (lastYearFen == null) {
            return Direction.UNKNOWN;
        }
        long delta = deltaFen();
        return delta > 0 ? Direction.UP : delta < 0 ? Direction.DOWN : Direction.SAME;
    }

    /** Null when last year is unknown. */
    public Long deltaFen() {
        return lastYearFen == null ? null : Math.subtractExact(thisYearFen, lastYearFen);
    }

    /** Percent of last year's figure, two decimals half-up; null when last year is unknown or zero. */
    public BigDecimal percent() {
        return lastYearFen == null ? null : Percent.change(lastYearFen, thisYearFen);
    }

    /** A change (up or down) without a recorded reason: flagged, never filled in. */
    public boolean reasonMissing() {
        return (direction() == Direction.UP || direction() == Direction.DOWN) && (reason == null || reason.isBlank());
    }

    /** A change beyond {@code thresholdPercent} (any change from zero counts as beyond). */
    public boolean beyond(BigDecimal thresholdPercent) {
        if (direction() != Direction.UP && direction() != Direction.DOWN) {
            return false;
        }
        BigDecimal percent = percent();
        return percent == null || percent.abs().compareTo(thresholdPercent) > 0;
    }
}
