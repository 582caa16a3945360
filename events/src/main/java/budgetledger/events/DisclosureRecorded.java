package budgetledger.events;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The tables of the published document a budget was imported from, as published: the reference its rendered
 * tables are reconciled with. {@code documentSha256} identifies the document text; {@code tables} are the published
 * tables in exact 分 with their printed unit; {@code findings} are the cells the ledger was allowed not to reproduce
 * (empty for events before findings existed); {@code documentFindings} the document's own defects found on import (a
 * narrative that contradicts itself or compares with executed figures, an empty-table note over figures; empty for
 * events before they were recorded).
 * <p>
 * Revision 2: the tables are {@link PublishedTable}s in 分. Revision 1 stored the parser's view model (amounts in the
 * printed unit as decimals, the document's line numbers); {@code DisclosureRecordedTablesInFen} upcasts it.
 */
@Revision("2")
public record DisclosureRecorded(String budgetId, String documentNo, String documentSha256,
                                 List<PublishedTable> tables, List<CellFinding> findings,
                                 List<DocumentFinding> documentFindings) {

    public DisclosureRecorded {
        tables = List.copyOf(tables);
        findings = findings == null ? List.of() : List.copyOf(findings);
        documentFindings = documentFindings == null ? List.of() : List.copyOf(documentFindings);
    }

    public DisclosureRecorded(String budgetId, String documentNo, String documentSha256,
                              List<PublishedTable> tables, List<CellFinding> findings) {
        this(budgetId, documentNo, documentSha256, tables, findings, List.of());
    }
}
