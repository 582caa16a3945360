package budgetledger.model;

/** 采购品目大类: what a 政府采购 item buys, as 《政府采购品目分类目录》 divides it. */
public enum ProcurementCategory implements Labelled {
    GOODS("货物"),
    WORKS("工程"),
    SERVICES("服务");

    private final String label;

    ProcurementCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
