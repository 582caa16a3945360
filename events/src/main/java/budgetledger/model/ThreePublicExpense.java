package budgetledger.model;

/** The "三公" expense categories an economic item can belong to. */
public enum ThreePublicExpense implements Labelled {
    TRAVEL_ABROAD("因公出国（境）费"),
    RECEPTION("公务接待费"),
    VEHICLE_PURCHASE("公务用车购置费"),
    VEHICLE_OPERATION("公务用车运行维护费");

    private final String label;

    ThreePublicExpense(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
