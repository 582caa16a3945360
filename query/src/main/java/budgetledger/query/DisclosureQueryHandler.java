package budgetledger.query;

import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetLineProjection;
import budgetledger.projections.BudgetProjection;
import budgetledger.projections.PublishedTableProjection;
import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.Reconciliation;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Answers for the disclosure tables: rendered from the lines read model, and reconciled with the published ones. */
@Component
public class DisclosureQueryHandler {

    private final BudgetProjection budgets;
    private final BudgetLineProjection lines;
    private final PublishedTableProjection published;

    public DisclosureQueryHandler(BudgetProjection budgets, BudgetLineProjection lines,
                                  PublishedTableProjection published) {
        this.budgets = budgets;
        this.lines = lines;
        this.published = published;
    }

    @QueryHandler
    public Optional<DisclosureTablesView> handle(FindDisclosureTablesQuery query) {
        return budgets.budget(query.budgetId()).map(budget -> new DisclosureTablesView(budget,
                renderings.tables(budget, ALL_TABLES, lines.version(query.budgetId()),
                        () -> lines.lines(query.budgetId()),
                        rows -> DisclosureTables.renderAll(DocumentLines.header(budget), DocumentLines.lines(rows)))));
    }

    /**
     * One table only: a request for table 3 does not pay for rendering the other twelve. A repeated request reads
     * the rendering kept for the budget's current version of its lines (see {@link RenderedTables}).
     */
    @QueryHandler
    public Optional<DisclosureTableView> handle(FindDisclosureTableQuery query) {
        return budgets.budget(query.budgetId()).map(budget -> {
            BudgetHeader header = DocumentLines.header(budget);
            if (query.number() < 1 || query.number() > header.template().count()) {
                // no such table in the budget's template: the view says so with no table
                return new DisclosureTableView(budget, null);
            }
            return new DisclosureTableView(budget, renderings.tables(budget, query.number(),
                    lines.version(query.budgetId()), () -> lines.lines(query.budgetId()),
                    rows -> List.of(DisclosureTables.render(query.number(), header, DocumentLines.lines(rows))))
                    .get(0));
        });
    }

    /** The key of the thirteen tables together in {@link RenderedTables}. */
    private static final int ALL_TABLES = 0;

    private final RenderedTables renderings = new RenderedTables(2_000);

    @QueryHandler
    public Optional<Reconciliation.Report> handle(FindReconciliationQuery query) {
        return published.published(query.budgetId()).flatMap(document -> handle(new FindDisclosureTablesQuery(query.budgetId()))
                .map(view -> Reconciliation.compare(DocumentLines.header(view.budget()).template(), document.tables(),
                        byNumber(view))));
    }

    /** Empty when the budget was not imported from a document. */
    @QueryHandler
    public Optional<FindingsView> handle(FindFindingsQuery query) {
        return published.published(query.budgetId())
                .map(document -> new FindingsView(query.budgetId(), published.findings(query.budgetId()),
                        published.documentFindings(query.budgetId())));
    }

    private static Map<Integer, DisclosureTable> byNumber(DisclosureTablesView view) {
        return view.tables().stream().collect(Collectors.toMap(DisclosureTable::number, Function.identity()));
    }
}
