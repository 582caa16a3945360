package budgetledger.query.yoy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages from exact 分: two decimals, half-up, never through a double. */
public final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** The change from {@code lastFen} to {@code thisFen} over last year's figure; null when last year is zero. */
    public static BigDecimal change(long lastFen, long thisFen) {
        return of(Math.subtractExact(thisFen, lastFen), lastFen);
    }

    /** {@code partFen} as a share of {@code wholeFen}; null when the whole is zero. */
    public static BigDecimal share(long partFen, long wholeFen) {
        return of(partFen, wholeFen);
    }

    private static BigDecimal of(long numeratorFen, long denominatorFen) {
        if (denominatorFen == 0) {
            return null;
        }
        return BigDecimal.valueOf(numeratorFen).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominatorFen), 2, RoundingMode.HALF_UP);
    }
}
