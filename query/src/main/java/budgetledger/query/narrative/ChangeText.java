package budgetledger.query.narrative;

/**
 * A change in the narrative's words: 比上年增加10.49万元，增长5.42%，主要原因是… for a rise, 减少/下降 for a fall,
 * 与上年预算数相同 for none. A change without a recorded reason says so, and a subject without last year's figure
 * says that no comparison can be made; neither invents words.
 */
public final class ChangeText {

    static final String NO_REASON = "（未记录变动原因）";
    static final String NO_LAST_YEAR = "上年数未记录，未作比较";

    private ChangeText() {
    }

    /** @param comparedWith 上年, or a year as the seed writes it in some sections (2025年) */
    public static String of(Change change, String comparedWith) {
        return switch (change.direction()) {
            case UNKNOWN -> NO_LAST_YEAR;
            case SAME -> "与上年预算数相同";
            case UP, DOWN -> {
                boolean up = change.direction() == Change.Direction.UP;
                StringBuilder text = new StringBuilder("比").append(comparedWith).append(up ? "增加" : "减少")
                        .append(WanYuanText.change(change.deltaFen())).append("万元");
                if (change.percent() != null) {
                    text.append("，").append(up ? "增长" : "下降").append(WanYuanText.percent(change.percent()));
                }
                text.append(change.reasonMissing() ? NO_REASON : "，主要原因是" + change.reason().strip());
                yield text.toString();
            }
        };
    }
}
