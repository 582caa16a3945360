package budgetledger.model;

import java.util.regex.Pattern;

/** The identifier of a department's budget for one fiscal year: {@code {departmentCode}-{year}}, e.g. 062-2026. */
public final class BudgetId {

    /** ASCII digits, like every code of the ledger (see TextRules). */
    public static final Pattern DEPARTMENT_CODE = Pattern.compile("[0-9]{1,20}");
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private BudgetId() {
    }

    public static String of(String departmentCode, int fiscalYear) {
        return departmentCode + "-" + fiscalYear;
    }
}
