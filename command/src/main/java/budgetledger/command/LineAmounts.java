package budgetledger.command;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.model.Yuan;

import java.util.Collection;
import java.util.HashMap;
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

    private final Map<String, DepartmentBudget.Line> lines;

    /** The balances as they stand; changes here never touch {@code current}. */
    LineAmounts(Map<String, DepartmentBudget.Line> current) {
        this.lines = new HashMap<>(current);
    }

    boolean has(String lineId) {
        return lines.containsKey(lineId);
    }

    DepartmentBudget.Line line(String lineId) {
        return lines.get(lineId);
    }

    Collection<DepartmentBudget.Line> all() {
        return lines.values();
    }

    /** A line new to the budget (a file's appropriation), counted by the checks of the items after it. */
    void add(String lineId, DepartmentBudget.Line line) {
        lines.put(lineId, line);
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
        long before = Math.addExact(lines.get(fromLineId).amountFen(), lines.get(toLineId).amountFen());
        long fromAfter = change("amount", fromLineId, -amountFen);
        long toAfter = change("amount", toLineId, amountFen);
        if (fromAfter + toAfter != before) {
            throw new IllegalStateException("transfer would create or lose money: " + fromLineId + " → " + toLineId);
        }
        return new Transferred(fromLineId, toLineId, amountFen, fromAfter, toAfter);
    }

    /** A signed change of a known line, kept; a line never goes below zero nor above the line limit. */
    long change(String field, String lineId, long changeFen) {
        DepartmentBudget.Line line = lines.get(lineId);
        long after = Math.addExact(line.amountFen(), changeFen);
        if (after < 0) {
            throw conflict(field, "overdraft", "预算行 " + lineId + " 余额 " + Yuan.format(line.amountFen())
                    + " 元，不足以减少 " + Yuan.format(-changeFen) + " 元");
        }
        lines.put(lineId, line.withAmount(LedgerLimits.line(field, lineId, after)));
        return after;
    }
}
