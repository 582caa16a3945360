package budgetledger.events;

import budgetledger.model.table.DisclosureTable;

import java.util.List;

/**
 * The tables of the published document a budget was imported from, as published: the reference its rendered
 * tables are reconciled with. {@code documentSha256} identifies the document text; {@code findings} are the cells
 * the ledger was allowed not to reproduce (empty for events before findings existed).
 */
public record DisclosureRecorded(String budgetId, String documentNo, String documentSha256,
                                 List<DisclosureTable> tables, List<CellFinding> findings) {

    public DisclosureRecorded {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
