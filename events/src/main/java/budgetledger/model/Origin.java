package budgetledger.model;

/** Whether money is this year's (当年) or carried over from last year (上年结转). */
public enum Origin implements Labelled {
    CURRENT_YEAR("当年"),
    CARRIED_OVER("上年结转");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
