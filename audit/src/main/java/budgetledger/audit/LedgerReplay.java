package budgetledger.audit;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetOpened;
import budgetledger.events.ChangeReasonRecorded;
import budgetledger.events.LineAmountChange;
import budgetledger.events.PriorYearFigureRecorded;
import budgetledger.events.ProcurementRecorded;
import budgetledger.model.BudgetSubject;
import budgetledger.model.ProcurementItem;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A budget rebuilt in memory from its events, as the read models would hold it after the same events: used to
 * see the budget as it stood at any moment without touching the live read models.
 */
public final class LedgerReplay {

    private BudgetOpened opened;
    private final Map<String, BudgetLineRow> lines = new LinkedHashMap<>();
    private final Map<BudgetSubject, Long> priorYear = new EnumMap<>(BudgetSubject.class);
    private final Map<BudgetSubject, String> reasons = new EnumMap<>(BudgetSubject.class);
    private List<ProcurementItem> procurement = List.of();

    /** Applies one event; returns, per line touched, its amount before the event (null for a new line). */
    public Map<String, Long> apply(BudgetJournal.Entry entry) {
        Map<String, Long> before = new LinkedHashMap<>();
        Object payload = entry.payload();
        long sequence = entry.sequence();
        if (payload instanceof BudgetOpened e) {
            opened = e;
        } else if (payload instanceof BudgetLineAppropriated e) {
            before.put(e.lineId(), null);
            lines.put(e.lineId(), new BudgetLineRow(e.budgetId(), e.lineId(), e.unitCode(), e.functionalCode(),
                    e.kind(), e.deptEconomicCode(), e.govEconomicCode(), e.fundingSource(), e.origin(), e.project(),
                    e.amountFen(), e.amountFen(), sequence));
        } else if (payload instanceof BudgetLineAdjusted e) {
            set(e.lineId(), e.amountAfterFen(), sequence, before);
        } else if (payload instanceof BudgetAmountTransferred e) {
            set(e.fromLineId(), e.fromAmountAfterFen(), sequence, before);
            set(e.toLineId(), e.toAmountAfterFen(), sequence, before);
        } else if (payload instanceof BudgetEventReversed e) {
            for (LineAmountChange change : e.changes()) {
                set(change.lineId(), change.amountAfterFen(), sequence, before);
            }
        } else if (payload instanceof PriorYearFigureRecorded e) {
            priorYear.put(e.subject(), e.amountFen());
        } else if (payload instanceof ProcurementRecorded e) {
            procurement = e.items();
        } else if (payload instanceof ChangeReasonRecorded e) {
            reasons.put(e.subject(), e.reason());
        }
        return before;
    }

    private void set(String lineId, long amountFen, long sequence, Map<String, Long> before) {
        BudgetLineRow line = lines.get(lineId);
        before.put(lineId, line.amountFen());
        lines.put(lineId, new BudgetLineRow(line.budgetId(), line.lineId(), line.unitCode(), line.functionalCode(),
                line.kind(), line.deptEconomicCode(), line.govEconomicCode(), line.fundingSource(), line.origin(),
                line.project(), line.appropriatedFen(), amountFen, sequence));
    }

    public BudgetRow budget() {
        return new BudgetRow(opened.budgetId(), opened.departmentCode(), opened.departmentName(), opened.fiscalYear(),
                opened.units(), Map.copyOf(priorYear), Map.copyOf(reasons), opened.documentNames(),
                opened.templateId(), procurement);
    }

    public List<BudgetLineRow> lines() {
        return List.copyOf(lines.values());
    }

    public long amount(String lineId) {
        BudgetLineRow line = lines.get(lineId);
        return line == null ? 0 : line.amountFen();
    }

    public boolean opened() {
        return opened != null;
    }
}
