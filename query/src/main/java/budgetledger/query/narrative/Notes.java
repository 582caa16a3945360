package budgetledger.query.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The flags of the section being written, and the warnings of the whole narrative. */
final class Notes {

    private final BigDecimal thresholdPercent;
    private final List<String> warnings = new ArrayList<>();
    private List<String> flags = new ArrayList<>();

    Notes(BigDecimal thresholdPercent) {
        this.thresholdPercent = thresholdPercent;
    }

    /** The change in words, flagging it when last year is unknown or the reason is missing. */
    String change(String label, Change change, String comparedWith) {
        if (change.direction() == Change.Direction.UNKNOWN) {
            add(flags, label + "：无上年数，未作比较");
        } else if (change.reasonMissing()) {
            boolean up = change.direction() == Change.Direction.UP;
            add(flags, label + "：比上年" + (up ? "增加" : "减少") + WanYuanText.change(change.deltaFen())
                    + "万元，未记录变动原因");
            if (change.beyond(thresholdPercent)) {
                add(warnings, label + "：比上年" + (up ? "增长" : "下降")
                        + (change.percent() == null ? "（上年为零）" : WanYuanText.percent(change.percent()))
                        + "，超过" + thresholdPercent.stripTrailingZeros().toPlainString() + "%，未记录变动原因");
            }
        }
        return ChangeText.of(change, comparedWith);
    }

    void flag(String text) {
        add(flags, text);
    }

    /** The flags written since the last call, for the section just finished. */
    List<String> takeFlags() {
        List<String> taken = List.copyOf(flags);
        flags = new ArrayList<>();
        return taken;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private static void add(List<String> list, String text) {
        if (!list.contains(text)) {
            list.add(text);
        }
    }
}
