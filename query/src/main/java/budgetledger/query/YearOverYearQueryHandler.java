package budgetledger.query;

import budgetledger.disclosure.tables.DisclosureText;

import budgetledger.disclosure.tables.DisclosureTables;

import budgetledger.model.BudgetId;
import budgetledger.model.BudgetSubject;
import budgetledger.projections.BudgetLineProjection;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetProjection;
import budgetledger.projections.BudgetRow;
import budgetledger.projections.CurrentYearFigureProjection;
import budgetledger.query.narrative.Explanation;
import budgetledger.query.narrative.Explanations;
import budgetledger.query.narrative.LastYear;
import budgetledger.query.narrative.ThreePublicComparison;
import budgetledger.query.yoy.DeltaRow;
import budgetledger.query.yoy.Dimension;
import budgetledger.query.yoy.Group;
import budgetledger.query.yoy.Grouping;
import budgetledger.query.yoy.Level;
import budgetledger.query.yoy.SubjectFigures;
import budgetledger.query.yoy.YearOverYear;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Answers the year-over-year questions from the read models: deltas, the "三公" comparison and the generated
 * narrative. Last year is last year's budget of the department when it is in the ledger, and the prior-year
 * figures recorded with this year's budget, which take precedence subject by subject.
 */
@Component
public class YearOverYearQueryHandler {

    /** The document carries no warnings; the threshold only decides those. */
    private static final java.math.BigDecimal DOCUMENT_THRESHOLD_PERCENT = java.math.BigDecimal.TEN;

    private final BudgetProjection budgets;
    private final BudgetLineProjection lines;
    private final CurrentYearFigureProjection currentYearFigures;

    public YearOverYearQueryHandler(BudgetProjection budgets, BudgetLineProjection lines,
                                    CurrentYearFigureProjection currentYearFigures) {
        this.budgets = budgets;
        this.lines = lines;
        this.currentYearFigures = currentYearFigures;
    }

    /** Empty when either budget is not in the ledger. */
    @QueryHandler
    public Optional<YearOverYear.Report> handle(FindYearOverYearQuery query) {
        Optional<BudgetRow> found = budgets.budget(query.budgetId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BudgetRow budget = found.get();
        Level level = query.dimension() == Dimension.FUNCTIONAL || query.dimension() == Dimension.ECONOMIC
                || query.dimension() == Dimension.GOV_ECONOMIC ? query.level() : null;
        SortedMap<String, Group> thisYear = grouping(query.dimension(), level, budget);
        if (query.againstBudgetId() == null) {
            List<DeltaRow> rows = YearOverYear.againstPrior(thisYear, budget.priorYearFigures(),
                    query.dimension() == Dimension.SUBJECT);
            return Optional.of(new YearOverYear.Report(budget.budgetId(), "prior", budget.fiscalYear(), null,
                    query.dimension(), level, rows));
        }
        return budgets.budget(query.againstBudgetId()).map(other -> new YearOverYear.Report(budget.budgetId(),
                other.budgetId(), budget.fiscalYear(), other.fiscalYear(), query.dimension(), level,
                YearOverYear.compare(thisYear, grouping(query.dimension(), level, other))));
    }

    @QueryHandler
    public Optional<HeadlineFigures> handle(FindHeadlineFiguresQuery query) {
        return budgets.budget(query.budgetId()).map(budget -> new HeadlineFigures(budget.budgetId(),
                budget.fiscalYear(), figures(budget), lastYear(budget)));
    }

    @QueryHandler
    public Optional<ThreePublicComparison.Report> handle(FindThreePublicComparisonQuery query) {
        return budgets.budget(query.budgetId()).map(budget -> ThreePublicComparison.compare(budget.budgetId(),
                budget.fiscalYear(), figures(budget), lastYear(budget), budget.changeReasons()));
    }

    /** The document as text: the tables rendered from the lines and the narrative generated from the ledger. */
    @QueryHandler
    public Optional<String> handle(FindDisclosureDocumentQuery query) {
        return budgets.budget(query.budgetId()).map(budget -> {
            List<BudgetLineRow> budgetLines = lines.lines(budget.budgetId());
            Explanation narrative = Explanations.generate(budget, budgetLines,
                    currentYearFigures.figures(budget.budgetId()), lastYear(budget), DOCUMENT_THRESHOLD_PERCENT);
            return DisclosureText.write(DocumentLines.header(budget),
                    DisclosureTables.renderAll(DocumentLines.header(budget), DocumentLines.lines(budgetLines)),
                    narrative.text());
        });
    }

    @QueryHandler
    public Optional<Explanation> handle(FindExplanationsQuery query) {
        return budgets.budget(query.budgetId()).map(budget -> Explanations.generate(budget,
                lines.lines(budget.budgetId()), currentYearFigures.figures(budget.budgetId()), lastYear(budget),
                query.warningThresholdPercent()));
    }

    private SortedMap<String, Group> grouping(Dimension dimension, Level level, BudgetRow budget) {
        List<BudgetLineRow> budgetLines = lines.lines(budget.budgetId());
        Map<BudgetSubject, Long> figures = SubjectFigures.of(budget, budgetLines,
                currentYearFigures.figures(budget.budgetId()));
        return Grouping.of(dimension, level == null ? Level.ITEM : level, budget, budgetLines, figures);
    }

    private Map<BudgetSubject, Long> figures(BudgetRow budget) {
        return SubjectFigures.of(budget, lines.lines(budget.budgetId()), currentYearFigures.figures(budget.budgetId()));
    }

    /** The recorded prior-year figures, over the figures of last year's budget of the department if it is loaded. */
    private LastYear lastYear(BudgetRow budget) {
        Optional<BudgetRow> previous = budget.fiscalYear() <= BudgetId.FIRST_YEAR ? Optional.empty()
                : budgets.budget(BudgetId.of(budget.departmentCode(), budget.fiscalYear() - 1));
        return LastYear.of(budget.priorYearFigures(), previous.map(BudgetRow::budgetId).orElse(null),
                previous.map(this::figures).orElse(null));
    }
}
