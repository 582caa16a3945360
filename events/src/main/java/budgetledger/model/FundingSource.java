package budgetledger.model;

/** 资金来源. The first three are 财政拨款 (fiscal appropriations). */
public enum FundingSource implements Labelled {
    GENERAL_PUBLIC("一般公共预算", true),
    GOVERNMENT_FUND("政府性基金预算", true),
    STATE_CAPITAL("国有资本经营预算", true),
    FISCAL_SPECIAL_ACCOUNT("财政专户管理资金", false),
    UNIT_OWN("单位资金", false);

    private final String label;
    private final boolean fiscal;

    FundingSource(String label, boolean fiscal) {
        this.label = label;
        this.fiscal = fiscal;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isFiscal() {
        return fiscal;
    }
}
