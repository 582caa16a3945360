package budgetledger.query.narrative;

import budgetledger.model.BudgetSubject;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Last year's figures per subject, in 分: those recorded with this year's budget (PriorYearFigureRecorded), and
 * for subjects without one, those computed from last year's ledger when it is loaded.
 *
 * @param ledgerBudgetId last year's budget in the ledger, null when it is not loaded
 */
public record LastYear(String ledgerBudgetId, Map<BudgetSubject, Long> figures) {

    public static LastYear of(Map<BudgetSubject, Long> recorded, String ledgerBudgetId,
                              Map<BudgetSubject, Long> ledgerFigures) {
        Map<BudgetSubject, Long> figures = new EnumMap<>(BudgetSubject.class);
        if (ledgerFigures != null) {
            figures.putAll(ledgerFigures);
        }
        figures.putAll(recorded);
        return new LastYear(ledgerBudgetId, Map.copyOf(figures));
    }

    public Optional<Long> figure(BudgetSubject subject) {
        return Optional.ofNullable(figures.get(subject));
    }
}
