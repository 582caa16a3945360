package budgetledger.model;

/** 基本支出 (人员经费 / 公用经费) or 项目支出. */
public enum ExpenditureKind implements Labelled {
    BASIC_PERSONNEL("基本支出-人员经费"),
    BASIC_PUBLIC_USE("基本支出-公用经费"),
    PROJECT("项目支出");

    private final String label;

    ExpenditureKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isBasic() {
        return this != PROJECT;
    }
}
