package budgetledger.query.yoy;

import budgetledger.model.BudgetSubject;

/**
 * One row of a grouping, summed in exact 分. {@code subject} is the budget subject the row stands for, when it
 * stands for one (the total, 基本支出, 三公 …), so that a prior-year figure recorded for that subject compares with it.
 */
public record Group(int level, String code, String name, BudgetSubject subject, long amountFen) {

    Group plus(long fen) {
        return new Group(level, code, name, subject, Math.addExact(amountFen, fen));
    }
}
