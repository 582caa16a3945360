package budgetledger.query.yoy;

import budgetledger.model.Yuan;

import java.math.BigDecimal;

/**
 * One compared row: last year's and this year's figure in exact 分 (null where the year has none), and how they
 * compare. Amounts become 万元 only when shown: each cell, the delta included, rounded half-up on its own.
 */
public record DeltaRow(int level, String code, String name, Long lastYearFen, Long thisYearFen, Presence presence) {

    /** This year minus last year, in 分; a row present in one year only counts the other as zero. Null without prior data. */
    public Long deltaFen() {
        if (presence == Presence.NO_PRIOR_DATA) {
            return null;
        }
        return Math.subtractExact(orZero(thisYearFen), orZero(lastYearFen));
    }

    /** The change over last year's figure, percent, two decimals half-up; null when last year is absent or zero. */
    public BigDecimal percent() {
        if (lastYearFen == null || presence == Presence.NO_PRIOR_DATA) {
            return null;
        }
        return Percent.change(lastYearFen, orZero(thisYearFen));
    }

    public BigDecimal lastYearWanYuan() {
        return lastYearFen == null ? null : Yuan.toWanYuan(lastYearFen);
    }

    public BigDecimal thisYearWanYuan() {
        return thisYearFen == null ? null : Yuan.toWanYuan(thisYearFen);
    }

    public BigDecimal deltaWanYuan() {
        Long delta = deltaFen();
        return delta == null ? null : Yuan.toWanYuan(delta);
    }

    private static long orZero(Long fen) {
        return fen == null ? 0 : fen;
    }
}
