package budgetledger.disclosure;

import java.math.BigDecimal;

/**
 * Published cells are 万元 with two decimals: one step is 10,000 分. A published value p stands for any exact
 * amount that rounds (half-up) to it: p − 5,000 分 up to p + 4,999 分. The reconstruction chooses exact amounts
 * inside those intervals so that parents and children agree.
 */
final class Fen {

    static final long STEP = 10_000;
    static final long UP = 4_999;
    static final long DOWN = 5_000;

    private Fen() {
    }

    /** A published cell in 万元 as 分; blank is 0. */
    static long of(BigDecimal wanYuan) {
        return wanYuan == null ? 0 : wanYuan.movePointRight(6).longValueExact();
    }

    /** 分 as 万元 text for messages: 12345600 → "12.35". */
    static String wan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(6).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * Exact amounts for published cells that sum to {@code target}: each cell moves within its rounding interval,
     * largest cells first; blank cells stay zero. Returns null when rounding cannot explain the difference.
     */
    static long[] balance(long target, long[] published) {
        long[] exact = published.clone();
        long difference = target;
        for (long p : published) {
            difference -= p;
        }
        Integer[] order = new Integer[published.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(published[b], published[a]));
        for (int i : order) {
            if (difference == 0) {
                break;
            }
            if (published[i] <= 0) {
                continue;
            }
            long move = difference > 0 ? Math.min(difference, UP) : -Math.min(-difference, DOWN);
            exact[i] += move;
            difference -= move;
        }
        return difference == 0 ? exact : null;
    }
}
