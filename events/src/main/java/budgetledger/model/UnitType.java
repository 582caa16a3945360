package budgetledger.model;

/** The type of a 预算单位. */
public enum UnitType implements Labelled {
    ADMINISTRATIVE("行政"),
    CIVIL_SERVICE_MANAGED("参公"),
    PUBLIC_INSTITUTION("事业");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
