package budgetledger.model;

/**
 * A 部门预算支出经济分类 item and the 政府预算支出经济分类 items it maps to: one for administrative and 参公
 * units, one for 事业 units. {@code threePublic} is null when the item is no "三公" expense.
 */
public record EconomicItem(String code, String name, String govCodeAdministrative, String govCodeInstitution,
                           ThreePublicExpense threePublic) {

    /** True when the government item is one this item maps to; an item the catalogue maps to none takes any. */
    public boolean mapsTo(String govCode) {
        if (govCodeAdministrative == null && govCodeInstitution == null) {
            return govCode != null;
        }
        return govCode.equals(govCodeAdministrative) || govCode.equals(govCodeInstitution);
    }

    public static boolean isWellFormedItem(String code) {
        // Not String.matches: it compiles its pattern on every call (a tenth of an import's checks in a profile).
        return code != null && code.length() == 5 && budgetledger.model.text.TextRules.isAsciiDigits(code);
    }
}
