package budgetledger.query;

import budgetledger.projections.BudgetLineProjection;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetProjection;
import budgetledger.projections.BudgetRow;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers the questions about budgets and lines from the core read models. */
@Component
public class BudgetQueryHandler {

    private final BudgetProjection budgets;
    private final BudgetLineProjection lines;

    public BudgetQueryHandler(BudgetProjection budgets, BudgetLineProjection lines) {
        this.budgets = budgets;
        this.lines = lines;
    }

    @QueryHandler
    public List<BudgetRow> handle(FindBudgetsQuery query) {
        return budgets.budgets();
    }

    @QueryHandler
    public Optional<BudgetRow> handle(FindBudgetQuery query) {
        return budgets.budget(query.budgetId());
    }

    @QueryHandler
    public List<BudgetLineRow> handle(FindBudgetLinesQuery query) {
        return lines.lines(query.budgetId());
    }

    @QueryHandler
    public Optional<BudgetLineRow> handle(FindBudgetLineQuery query) {
        return lines.line(query.budgetId(), query.lineId());
    }
}
