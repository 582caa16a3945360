package budgetledger.command;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.model.Yuan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static budgetledger.command.BudgetRuleException.conflict;

/**
 * The balances of a budget's lines while a command is decided: the one place where the rules of an adjustment
 * (追加/追减), a transfer (调剂) and a reversal's undo are written, for single commands and for a line-item file
 * alike. Each change is checked against the balances the earlier ones left (no line below zero, none above the line
 * limit; a transfer neither creates nor loses money) and then kept, so that a file's next item sees it.
 */
final class LineAmounts {

    /** An adjustment decided: the signed amount and the line's amount after it, in 分. */
    record Adjusted(String lineId, long amountFen, long amountAfterFen) {
        BudgetLineAdjusted event(String budgetId, String documentNo, String reason, String commandId) {
            return new BudgetLineAdjusted(budgetId, lineId, amountFen, amountAfterFen, documentNo, reason, commandId);
        }
    }

    /** A transfer decided: the amount moved and both lines' amounts after it, in 分. */
    record Transferred(String fromLineId, String toLineId, long amountFen, long fromAmountAfterFen,
                       long toAmountAfterFen) {
        BudgetAmountTransferred event(String budgetId, String documentNo, String reason, String commandId) {
            return new BudgetAmountTransferred(budgetId, fromLineId, toLineId, amountFen, fromAmountAfterFen,
                    toAmountAfterFen, documentNo, reason, commandId);
        }
    }

    private final Map<String, DepartmentBudget.Line> current;
    /** The lines this command changed or added; the budget's own map is never copied (issue 18: it was, per command). */
    private final Map<String, DepartmentBudget.Line> changed = new HashMap<>();
    private final long currentTotalFen;
    /** What the changes add to the total; null once a sum left the range of a long (then the lines are summed). */
    private Long changeFen = 0L;

    /** The balances as they stand, and their total; changes here never touch {@code current}. */
    LineAmounts(Map<String, DepartmentBudget.Line> current, long currentTotalFen) {
        this.current = current;
        this.currentTotalFen = currentTotalFen;
    }

    boolean has(String lineId) {
        return changed.containsKey(lineId) || current.containsKey(lineId);
    }

    DepartmentBudget.Line line(String lineId) {
        DepartmentBudget.Line line = changed.get(lineId);
        return line != null ? line : current.get(lineId);
    }

    /** The budget's lines together after the changes, with {@code increaseFen} more, within the budget limit. */
    void checkBudget(String field, long increaseFen) {
        if (changeFen != null) {
            try {
                LedgerLimits.budget(field, Math.addExact(Math.addExact(currentTotalFen, changeFen), increaseFen));
                return;
            } catch (ArithmeticException beyondLong) {
                // summed line by line below, where the sum stops at the limit
            }
        }
        List<DepartmentBudget.Line> all = new ArrayList<>(changed.values());
        current.forEach((lineId, line) -> {
            if (!changed.containsKey(lineId)) {
                all.add(line);
            }
        });
        LedgerLimits.budget(field, all, increaseFen);
    }

    /** A line new to the budget (a file's appropriation), counted by the checks of the items after it. */
    void add(String lineId, DepartmentBudget.Line line) {
        put(lineId, line);
    }

    private void put(String lineId, DepartmentBudget.Line line) {
        DepartmentBudget.Line before = line(lineId);
        changed.put(lineId, line);
        if (changeFen != null) {
            try {
                changeFen = Math.addExact(changeFen, line.amountFen() - (before == null ? 0 : before.amountFen()));
            } catch (ArithmeticException beyondLong) {
                changeFen = null;
            }
        }
    }

    /** 追加 (positive) or 追减 (negative) of a known line. */
    Adjusted adjust(String lineId, long amountFen) {
        return new Adjusted(lineId, amountFen, change("amount", lineId, amountFen));
    }

    /** 调剂 of {@code amountFen} (positive) between two known lines; {@code toField} names the second in a refusal. */
    Transferred transfer(String toField, String fromLineId, String toLineId, long amountFen) {
        if (fromLineId.equals(toLineId)) {
            throw conflict(toField, "same-line", "调剂的调出行和调入行不能相同：" + fromLineId);
        }
        long before = Math.addExact(line(fromLineId).amountFen(), line(toLineId).amountFen());
        long fromAfter = change("amount", fromLineId, -amountFen);
        long toAfter = change("amount", toLineId, amountFen);
        if (fromAfter + toAfter != before) {
            throw new IllegalStateException("transfer would create or lose money: " + fromLineId + " → " + toLineId);
        }
        return new Transferred(fromLineId, toLineId, amountFen, fromAfter, toAfter);
    }

    /** A signed change of a known line, kept; a line never goes below zero nor above the line limit. */
    long change(String field, String lineId, long changeFen) {
        DepartmentBudget.Line line = line(lineId);
        long after = Math.addExact(line.amountFen(), changeFen);
        if (after < 0) {
            throw conflict(field, "overdraft", "预算行 " + lineId + " 余额 " + Yuan.format(line.amountFen())
                    + " 元，不足以减少 " + Yuan.format(-changeFen) + " 元");
        }
        put(lineId, line.withAmount(LedgerLimits.line(field, lineId, after)));
        return after;
    }
}
