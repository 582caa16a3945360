package budgetledger.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts as the console reads and shows them. Every table of a 部门预算公开 is in 万元, so a form reads 万元 unless
 * the user chose 元 explicitly; the ledger keeps 分. 1 分 is 0.000001 万元, so an amount typed in 万元 may carry up to
 * six decimals and still be exact: an amount that is not a whole number of 分 is refused, never rounded.
 */
final class Money {

    /** The unit an amount was typed in. */
    enum Unit {
        WAN("万元", 6), YUAN("元", 2);

        final String label;
        /** Decimals that still name a whole number of 分. */
        final int decimals;

        Unit(String label, int decimals) {
            this.label = label;
            this.decimals = decimals;
        }

        /** The form's value ("wan", "yuan"); anything else is no unit chosen. */
        static Unit of(String value) {
            if ("wan".equals(value)) {
                return WAN;
            }
            if ("yuan".equals(value)) {
                return YUAN;
            }
            return null;
        }
    }

    /** The largest amount a form takes: 10^13 元, the ledger's bound for one line (LedgerLimits). */
    static final long MAX_FEN = 1_000_000_000_000_000L;

    private Money() {
    }

    /**
     * The amount typed, in 分: digits with separators allowed, above zero, a whole number of 分 in the unit chosen.
     *
     * @throws IllegalArgumentException with the message the form shows beside the amount
     */
    static long parseFen(String text, Unit unit) {
        String plain = text == null ? "" : text.strip().replace(",", "").replace("，", "").replace(" ", "");
        if (plain.isEmpty()) {
            throw new IllegalArgumentException("请填写金额");
        }
        if (unit == null) {
            throw new IllegalArgumentException("请选择金额单位（万元或元）");
        }
        if (!plain.matches("\\d{1,16}(\\.\\d+)?")) {
            throw new IllegalArgumentException("金额应为正数，例如 " + (unit == Unit.WAN ? "5.00（万元）" : "50000.00（元）"));
        }
        BigDecimal amount = new BigDecimal(plain);
        if (amount.stripTrailingZeros().scale() > unit.decimals) {
            throw new IllegalArgumentException(unit == Unit.WAN
                    ? "以万元为单位至多六位小数（精确到分）" : "以元为单位至多两位小数（精确到分）");
        }
        BigDecimal fen = amount.movePointRight(unit == Unit.WAN ? 6 : 2);
        if (fen.signum() == 0) {
            throw new IllegalArgumentException("金额必须大于零");
        }
        if (fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
            throw new IllegalArgumentException("金额超过单行上限 10,000,000,000,000 元");
        }
        return fen.longValueExact();
    }

    /** 分 as 元 with separators: 123456789 → 1,234,567.89. */
    static String yuan(long fen) {
        return format("#,##0.00").format(BigDecimal.valueOf(fen, 2));
    }

    /**
     * 分 as 万元 with separators, exact: two decimals as the tables print, more only when the amount needs them
     * (4999 分 → 0.004999), so that a page never hides a part of an amount behind rounding.
     */
    static String wan(long fen) {
        return format("#,##0.00####").format(BigDecimal.valueOf(fen, 6));
    }

    /** 分 as 万元 rounded half-up to two decimals, as the published tables print a cell. */
    static String wanRounded(long fen) {
        return format("#,##0.00").format(BigDecimal.valueOf(fen, 6).setScale(2, RoundingMode.HALF_UP));
    }

    /** Both units, as a confirmation echoes an amount: "5.00 万元（50,000.00 元）". */
    static String both(long fen) {
        return wan(fen) + " 万元（" + yuan(fen) + " 元）";
    }

    /** A 元 string as the history gives it ("-1000.50") in 分. */
    static long fenOfYuan(String yuan) {
        return new BigDecimal(yuan.replace(",", "")).movePointRight(2).longValueExact();
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format;
    }
}
