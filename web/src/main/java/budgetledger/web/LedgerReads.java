package budgetledger.web;

import budgetledger.command.BudgetRuleException;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.DisclosureTablesView;
import budgetledger.query.FindBudgetLinesQuery;
import budgetledger.query.FindBudgetQuery;
import budgetledger.query.FindBudgetsQuery;
import budgetledger.query.FindDisclosureTablesQuery;
import budgetledger.query.FindExplanationsQuery;
import budgetledger.query.FindHeadlineFiguresQuery;
import budgetledger.query.HeadlineFigures;
import budgetledger.query.FindReconciliationQuery;
import budgetledger.query.FindThreePublicComparisonQuery;
import budgetledger.query.FindYearOverYearQuery;
import budgetledger.query.narrative.Explanation;
import budgetledger.query.narrative.ThreePublicComparison;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.query.yoy.Dimension;
import budgetledger.query.yoy.Level;
import budgetledger.query.yoy.YearOverYear;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What the pages read, through the same query gateway and queries as the API; an unknown budget is a 404. */
@Component
class LedgerReads {

    private final QueryGateway queries;
    private final BigDecimal warningThresholdPercent;

    LedgerReads(QueryGateway queries,
                @Value("${budget-ledger.explanations.warning-threshold-percent:10}") BigDecimal warningThresholdPercent) {
        this.queries = queries;
        this.warningThresholdPercent = warningThresholdPercent;
    }

    List<BudgetRow> budgets() {
        return queries.query(new FindBudgetsQuery(), ResponseTypes.multipleInstancesOf(BudgetRow.class)).join();
    }

    BudgetRow budget(String budgetId) {
        return found(budgetId, queries.query(new FindBudgetQuery(budgetId),
                ResponseTypes.optionalInstanceOf(BudgetRow.class)).join());
    }

    List<BudgetLineRow> lines(String budgetId) {
        return queries.query(new FindBudgetLinesQuery(budgetId),
                ResponseTypes.multipleInstancesOf(BudgetLineRow.class)).join();
    }

    DisclosureTablesView tables(String budgetId) {
        return found(budgetId, queries.query(new FindDisclosureTablesQuery(budgetId),
                ResponseTypes.optionalInstanceOf(DisclosureTablesView.class)).join());
    }

    /** Empty when the budget was not imported from a published document. */
    Optional<Reconciliation.Report> reconciliation(String budgetId) {
        return queries.query(new FindReconciliationQuery(budgetId),
                ResponseTypes.optionalInstanceOf(Reconciliation.Report.class)).join();
    }

    /** {@code against}: another budget id, or null for the prior-year figures recorded with this one. */
    YearOverYear.Report yearOverYear(String budgetId, String against, Dimension dimension, Level level) {
        return found(budgetId, queries.query(new FindYearOverYearQuery(budgetId, against, dimension, level),
                ResponseTypes.optionalInstanceOf(YearOverYear.Report.class)).join());
    }

    HeadlineFigures headlineFigures(String budgetId) {
        return found(budgetId, queries.query(new FindHeadlineFiguresQuery(budgetId),
                ResponseTypes.optionalInstanceOf(HeadlineFigures.class)).join());
    }

    ThreePublicComparison.Report threePublic(String budgetId) {
        return found(budgetId, queries.query(new FindThreePublicComparisonQuery(budgetId),
                ResponseTypes.optionalInstanceOf(ThreePublicComparison.Report.class)).join());
    }

    Explanation explanations(String budgetId) {
        return found(budgetId, queries.query(new FindExplanationsQuery(budgetId, warningThresholdPercent),
                ResponseTypes.optionalInstanceOf(Explanation.class)).join());
    }

    private static <T> T found(String budgetId, Optional<T> answer) {
        return answer.orElseThrow(() -> BudgetRuleException.notFound("budgetId", "unknown-budget",
                "预算 " + budgetId + " 不存在"));
    }
}
