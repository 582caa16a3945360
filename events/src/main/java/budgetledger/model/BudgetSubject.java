package budgetledger.model;

/**
 * A subject that the narrative speaks of and that prior-year figures and change reasons are recorded for.
 * New subjects may be added; existing names are stored in events and never change.
 */
public enum BudgetSubject implements Labelled {
    TOTAL("收支总计"),
    INCOME("收入"),
    EXPENDITURE("支出"),
    FISCAL_APPROPRIATION("财政拨款收支"),
    GENERAL_PUBLIC_EXPENDITURE("一般公共预算支出"),
    BASIC_EXPENDITURE("基本支出"),
    PROJECT_EXPENDITURE("项目支出"),
    PERSONNEL_EXPENSES("人员经费"),
    PUBLIC_USE_EXPENSES("公用经费"),
    THREE_PUBLIC_TOTAL("三公经费"),
    TRAVEL_ABROAD("因公出国（境）费"),
    RECEPTION("公务接待费"),
    VEHICLE_TOTAL("公务用车购置及运行费"),
    VEHICLE_PURCHASE("公务用车购置费"),
    VEHICLE_OPERATION("公务用车运行维护费"),
    AGENCY_OPERATING_COST("机关运行经费"),
    GOVERNMENT_PROCUREMENT("政府采购"),
    PROCUREMENT_GOODS("政府采购-货物"),
    PROCUREMENT_WORKS("政府采购-工程"),
    PROCUREMENT_SERVICES("政府采购-服务");

    private final String label;

    BudgetSubject(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
