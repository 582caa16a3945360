package budgetledger.model;

/** A 预算单位 registered with a budget. */
public record BudgetUnit(String code, String name, UnitType type) {
}
