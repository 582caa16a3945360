package budgetledger.query;

import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetLineProjection.LinesVersion;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rendered disclosure tables kept per budget, table and version of the budget's lines, so that a repeated query reads
 * a rendering instead of mapping and summing the budget's lines again; the first query after a change renders once.
 * A rendering depends on the budget's header (department, year, units, document names, template: all fixed when the
 * budget is opened; its 政府采购 items) and its lines, so the key holds the header and the lines' version ({@link LinesVersion}): a change moves the
 * version and the old rendering is never read again. The versions are read from the database on every query, so
 * every node of a cluster sees changes another node's projections wrote. At most {@code capacity} renderings are kept,
 * the least recently used dropped first. Tables are immutable records, shared by every reader.
 */
final class RenderedTables {

    private record Key(String budgetId, int table) {
    }

    private record Rendering(BudgetRow header, LinesVersion version, List<DisclosureTable> tables) {
    }

    private final Map<Key, Rendering> renderings;

    RenderedTables(int capacity) {
        this.renderings = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Rendering> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The tables kept for this budget, table and version; else rendered now from the lines {@code read} returns and
     * kept under the version of those lines (computed from them, so that a change committed between reading the
     * version and reading the lines never files newer lines under an older version).
     */
    List<DisclosureTable> tables(BudgetRow budget, int table, LinesVersion version, Supplier<List<BudgetLineRow>> read,
                                 Function<List<BudgetLineRow>, List<DisclosureTable>> render) {
        Key key = new Key(budget.budgetId(), table);
        BudgetRow header = headerOf(budget);
        synchronized (renderings) {
            Rendering kept = renderings.get(key);
            if (kept != null && kept.version().equals(version) && kept.header().equals(header)) {
                return kept.tables();
            }
        }
        // Rendered outside the lock: another thread may render the same version meanwhile, and either is right.
        List<BudgetLineRow> rows = read.get();
        List<DisclosureTable> tables = List.copyOf(render.apply(rows));
        LinesVersion rendered = new LinesVersion(rows.size(),
                rows.stream().mapToLong(BudgetLineRow::lastSequence).max().orElse(-1));
        synchronized (renderings) {
            renderings.put(key, new Rendering(header, rendered, tables));
        }
        return tables;
    }

    /** What of the budget's row the rendering reads (DocumentLines.header): figures and reasons left out. */
    private static BudgetRow headerOf(BudgetRow budget) {
        return new BudgetRow(budget.budgetId(), budget.departmentCode(), budget.departmentName(), budget.fiscalYear(),
                budget.units(), Map.of(), Map.of(), budget.documentNames(), budget.templateId(), budget.procurement());
    }
}
