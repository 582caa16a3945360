package budgetledger.model;

/**
 * The money a 政府采购 item is paid from, as procurement tables publish it: the fiscal budgets one by one, the
 * unit's other money (其他资金, 单位资金) as one, and last year's carried-over money (上年结转和结余) as one. Coarser
 * than a line's source and origin because the tables are: a procurement item is not a budget line.
 */
public enum ProcurementFunds implements Labelled {
    GENERAL_PUBLIC("一般公共预算资金"),
    GOVERNMENT_FUND("政府性基金"),
    STATE_CAPITAL("国有资本经营预算"),
    FISCAL_SPECIAL_ACCOUNT("财政专户管理资金"),
    OTHER_FUNDS("其他资金"),
    CARRIED_OVER("上年结转和结余资金");

    private final String label;

    ProcurementFunds(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
