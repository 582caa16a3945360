package budgetledger.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Published amounts: 万元 with two decimals, each cell rounded on its own. */
final class Amounts {

    /** 1234.56, 1,234.56, -3.00; thousands separators only in groups of three. */
    static final String NUMBER = "-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final Pattern NUMBER_CELL = Pattern.compile(NUMBER);

    /** 尾差 allowed per independently rounded part: each part and the parent are off by at most half a cent. */
    static final BigDecimal ROUNDING_PER_PART = new BigDecimal("0.01");

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Amounts() {
    }

    /** "-", "—", "－", "--": a cell printed as holding nothing. */
    static boolean isDash(String text) {
        return DASH.matcher(text).matches();
    }

    private static final Pattern DASH = Pattern.compile("[-—－–]{1,2}");

    static boolean isNumber(String text) {
        return NUMBER_CELL.matcher(text).matches();
    }

    /** A number as published, to 万元 scale 2; the caller has checked {@link #isNumber}. */
    static BigDecimal wanYuan(String text) {
        return new BigDecimal(text.replace(",", "")).setScale(2, RoundingMode.HALF_UP);
    }

    /** True when the number has more than two decimals that are not zero (12.345): not a published cell. */
    static boolean hasFractionOfFen(String text) {
        return new BigDecimal(text.replace(",", "")).stripTrailingZeros().scale() > 2;
    }

    static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? ZERO : amount;
    }

    static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().map(Amounts::orZero).reduce(ZERO, BigDecimal::add);
    }

    /** The 尾差 a sum of these parts may show: 0.01 for each part that holds an amount. */
    static BigDecimal tolerance(List<BigDecimal> parts) {
        long rounded = parts.stream().filter(Objects::nonNull).count();
        return ROUNDING_PER_PART.multiply(BigDecimal.valueOf(rounded));
    }

    static boolean withinRounding(BigDecimal parent, List<BigDecimal> parts) {
        return orZero(parent).subtract(sum(parts)).abs().compareTo(tolerance(parts)) <= 0;
    }

    static String show(BigDecimal amount) {
        return orZero(amount).toPlainString();
    }
}
