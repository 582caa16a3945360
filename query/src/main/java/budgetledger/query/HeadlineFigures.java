package budgetledger.query;

import budgetledger.model.BudgetSubject;
import budgetledger.query.narrative.LastYear;

import java.util.Map;

/**
 * A budget's figure for every subject (收支总计, 基本/项目支出, "三公", 机关运行经费, 政府采购 …) in exact 分, with
 * last year's as the narrative takes them: the prior-year figures recorded with this budget, over the figures of
 * last year's budget when the ledger holds it.
 */
public record HeadlineFigures(String budgetId, int fiscalYear, Map<BudgetSubject, Long> thisYear, LastYear lastYear) {
}
