package budgetledger.query.narrative;

import budgetledger.model.BudgetSubject;

import java.util.List;
import java.util.Map;

/**
 * The "三公" comparison: 因公出国（境）费, 公务接待费, 公务用车购置及运行费 with its two parts, and the total; this year
 * from the lines (table 10), last year from the recorded figures or last year's ledger, and the recorded reasons.
 */
public final class ThreePublicComparison {

    /** In the order of table 10, the total last. */
    public static final List<BudgetSubject> SUBJECTS = List.of(BudgetSubject.TRAVEL_ABROAD, BudgetSubject.RECEPTION,
            BudgetSubject.VEHICLE_TOTAL, BudgetSubject.VEHICLE_PURCHASE, BudgetSubject.VEHICLE_OPERATION,
            BudgetSubject.THREE_PUBLIC_TOTAL);

    public record Report(String budgetId, int fiscalYear, String lastYearBudgetId, List<Change> rows) {
    }

    private ThreePublicComparison() {
    }

    public static Report compare(String budgetId, int fiscalYear, Map<BudgetSubject, Long> thisYear,
                                 LastYear lastYear, Map<BudgetSubject, String> reasons) {
        List<Change> rows = SUBJECTS.stream().map(subject -> new Change(subject,
                lastYear.figure(subject).orElse(null), thisYear.getOrDefault(subject, 0L), reasons.get(subject)))
                .toList();
        return new Report(budgetId, fiscalYear, lastYear.ledgerBudgetId(), rows);
    }
}
