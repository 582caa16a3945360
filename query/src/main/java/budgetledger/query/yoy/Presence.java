package budgetledger.query.yoy;

/** Whether a compared row exists in both years, in one only, or has no last-year figure to compare with. */
public enum Presence {
    BOTH("两年均有"),
    THIS_YEAR_ONLY("仅本年有"),
    LAST_YEAR_ONLY("仅上年有"),
    NO_PRIOR_DATA("无上年数据");

    private final String label;

    Presence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
