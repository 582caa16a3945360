package budgetledger.query.narrative;

import budgetledger.model.Yuan;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts and percentages as the narrative writes them: 万元 with two decimals, rounded half-up from exact 分;
 * with thousands separators (1,234.56) or without (1234.56), whichever the section being written uses (documents
 * differ, even sections of one document); zero as "0" (上年结转0万元, 占0%).
 */
public final class WanYuanText {

    private WanYuanText() {
    }

    /** 1,234.56; 0 for zero. */
    public static String grouped(long fen) {
        if (fen == 0) {
            return "0";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(Yuan.toWanYuan(fen));
    }

    /** 1234.56; 0 for zero. */
    public static String plain(long fen) {
        return fen == 0 ? "0" : Yuan.toWanYuan(fen).toPlainString();
    }

    /** The size of a change, always two decimals: 1.00, 263.35. */
    public static String change(long deltaFen) {
        return Yuan.toWanYuan(Math.abs(deltaFen)).toPlainString();
    }

    /** 63.43%; 0% for a zero share; the whole being zero gives 0% too. */
    public static String percent(BigDecimal percent) {
        if (percent == null || percent.signum() == 0) {
            return "0%";
        }
        return percent.abs().toPlainString() + "%";
    }
}
