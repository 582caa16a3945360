package budgetledger.audit;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.LineAmountChange;

import java.util.HashMap;
import java.util.Map;

/**
 * Every line's amount recomputed from the journal, event by event: each event's stated amounts after must equal
 * the amount before plus its change, and no line may go below zero. {@link #apply} says what disagrees, or null.
 */
final class JournalBalances {

    private final Map<String, Long> amounts = new HashMap<>();

    /** Applies one event's payload; returns what disagrees, or null when it agrees with the journal so far. */
    String apply(Object payload) {
        if (payload instanceof BudgetLinesAppropriated file) {
            for (BudgetLineAppropriated line : file.lines()) {
                String problem = apply(line);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (payload instanceof BudgetLineAppropriated e) {
            String key = key(e.budgetId(), e.lineId());
            if (amounts.containsKey(key)) {
                return "预算行 " + key + " 被重复设立";
            }
            return set(key, e.amountFen(), e.amountFen(), 0);
        }
        if (payload instanceof BudgetLineAdjusted e) {
            String key = key(e.budgetId(), e.lineId());
            return set(key, e.amountFen(), e.amountAfterFen(), amounts.getOrDefault(key, Long.MIN_VALUE));
        }
        if (payload instanceof BudgetAmountTransferred e) {
            String from = key(e.budgetId(), e.fromLineId());
            String to = key(e.budgetId(), e.toLineId());
            String problem = set(from, -e.amountFen(), e.fromAmountAfterFen(), amounts.getOrDefault(from, Long.MIN_VALUE));
            return problem != null ? problem
                    : set(to, e.amountFen(), e.toAmountAfterFen(), amounts.getOrDefault(to, Long.MIN_VALUE));
        }
        if (payload instanceof BudgetEventReversed e) {
            for (LineAmountChange change : e.changes()) {
                String key = key(e.budgetId(), change.lineId());
                String problem = set(key, change.amountFen(), change.amountAfterFen(),
                        amounts.getOrDefault(key, Long.MIN_VALUE));
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private String set(String key, long change, long statedAfter, long before) {
        if (before == Long.MIN_VALUE) {
            return "预算行 " + key + " 在设立之前就有变动";
        }
        long after = before + change;
        if (after != statedAfter) {
            return "预算行 " + key + "：变动前 " + before + " 分加变动 " + change + " 分应为 " + after
                    + " 分，事件记为 " + statedAfter + " 分";
        }
        if (after < 0) {
            return "预算行 " + key + " 余额为负：" + after + " 分";
        }
        amounts.put(key, after);
        return null;
    }

    Map<String, Long> amounts() {
        return amounts;
    }

    static String key(String budgetId, String lineId) {
        return budgetId + "/" + lineId;
    }
}
