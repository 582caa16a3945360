package budgetledger.command;

import budgetledger.model.Yuan;

import java.util.Collection;

import static budgetledger.command.BudgetRuleException.conflict;

/**
 * Limits that keep every sum exact. Amounts are long 分; a table, a year-over-year delta or the narrative adds up
 * the lines of at most two budgets. With a line at most 10^13 元 (10^15 分) and a budget's lines together at most
 * 10^14 元 (10^16 分), any such sum stays below 2 × 10^16 分, far from a long's 9.2 × 10^18: nothing a client can
 * record makes a read overflow. Beyond a limit the change is refused (409) naming the rule.
 */
final class LedgerLimits {

    /** The most one line may hold: 10^13 元, the largest single amount a command takes (CommandChecks.MAX_YUAN). */
    static final long MAX_LINE_FEN = 1_000_000_000_000_000L;
    /** The most the lines of one budget may hold together: 10^14 元. */
    static final long MAX_BUDGET_FEN = 10_000_000_000_000_000L;

    private LedgerLimits() {
    }

    /** A line's amount after a change, within the line limit. */
    static long line(String field, String lineId, long amountAfterFen) {
        if (amountAfterFen > MAX_LINE_FEN) {
            throw conflict(field, "line-limit", "预算行 " + lineId + " 变动后为 " + Yuan.format(amountAfterFen)
                    + " 元，超过单行上限 " + Yuan.format(MAX_LINE_FEN) + " 元");
        }
        return amountAfterFen;
    }

    /** The budget's lines together ({@code totalFen}, every change included), within the budget limit. */
    static void budget(String field, long totalFen) {
        if (totalFen > MAX_BUDGET_FEN) {
            throw overBudget(field);
        }
    }

    /** The budget's lines together, with {@code increaseFen} more, within the budget limit. */
    static void budget(String field, Collection<DepartmentBudget.Line> lines, long increaseFen) {
        long totalFen = increaseFen;
        for (DepartmentBudget.Line line : lines) {
            // Each line and increase is at most a few MAX_LINE_FEN, and the loop stops once past the limit: no overflow.
            totalFen += line.amountFen();
            if (totalFen > MAX_BUDGET_FEN) {
                throw overBudget(field);
            }
        }
        budget(field, totalFen);
    }

    private static BudgetRuleException overBudget(String field) {
        return conflict(field, "budget-limit", "预算各行合计将超过单个预算的上限 " + Yuan.format(MAX_BUDGET_FEN) + " 元");
    }
}
