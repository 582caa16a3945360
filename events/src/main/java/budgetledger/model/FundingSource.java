package budgetledger.model;

/**
 * 资金来源. The first three are 财政拨款 (fiscal appropriations). 财政专户管理资金 and 单位资金 are the seed template's
 * non-fiscal sources; other templates break 单位资金 down into 事业收入, 事业单位经营收入, 上级补助收入, 附属单位上缴收入 and
 * 其他收入 (added last: stored events name sources, and their order is the order tables list them in).
 */
public enum FundingSource implements Labelled {
    GENERAL_PUBLIC("一般公共预算", true),
    GOVERNMENT_FUND("政府性基金预算", true),
    STATE_CAPITAL("国有资本经营预算", true),
    FISCAL_SPECIAL_ACCOUNT("财政专户管理资金", false),
    UNIT_OWN("单位资金", false),
    BUSINESS_INCOME("事业收入", false),
    BUSINESS_OPERATION_INCOME("事业单位经营收入", false),
    SUPERIOR_SUBSIDY("上级补助收入", false),
    SUBORDINATE_REMITTANCE("附属单位上缴收入", false),
    OTHER_INCOME("其他收入", false);

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
