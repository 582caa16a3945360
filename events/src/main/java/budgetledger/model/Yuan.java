package budgetledger.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Conversions between amounts in 元 (as users write them) and integer 分 (as the ledger keeps them).
 * Money is never a double: 元 are BigDecimal with at most two decimals, 分 are long.
 */
public final class Yuan {

    private static final BigDecimal FEN_PER_YUAN = BigDecimal.valueOf(100);
    private static final BigDecimal FEN_PER_WAN_YUAN = BigDecimal.valueOf(1_000_000);

    private Yuan() {
    }

    /** True when the amount has no more than two decimals (no fraction of a 分). */
    public static boolean isWholeFen(BigDecimal yuan) {
        return yuan.stripTrailingZeros().scale() <= 2;
    }

    /** 元 to 分; the caller has checked {@link #isWholeFen}. Throws ArithmeticException on a fraction of a 分 or overflow. */
    public static long toFen(BigDecimal yuan) {
        return yuan.multiply(FEN_PER_YUAN).longValueExact();
    }

    /** 分 to a decimal string in 元 with two decimals: 123456 → "1234.56". */
    public static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** 分 to 万元, rounded half-up to two decimals, as the published tables show each cell. */
    public static BigDecimal toWanYuan(long fen) {
        return BigDecimal.valueOf(fen).divide(FEN_PER_WAN_YUAN, 2, RoundingMode.HALF_UP);
    }
}
