package budgetledger.projections;

import budgetledger.events.CellFinding;
import budgetledger.events.DocumentFinding;
import budgetledger.events.DisclosureRecorded;
import budgetledger.events.PublishedTable;
import budgetledger.model.table.DisclosureTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read model of published tables ({@code published_table}): what an imported document said, per table, as printed
 * (amounts in the table's unit; the document's line numbers are not recorded, so rows hold 0).
 */
@Component
@ProcessingGroup(LedgerProcessing.CORE)
public class PublishedTableProjection {

    private final JdbcTemplate jdbc;
    private final Savepoint savepoint;
    private final ObjectMapper json = new ObjectMapper();

    public PublishedTableProjection(JdbcTemplate jdbc, Savepoint savepoint) {
        this.jdbc = jdbc;
        this.savepoint = savepoint;
    }

    @EventHandler
    void on(DisclosureRecorded event) throws JsonProcessingException {
        List<String> contents = new ArrayList<>();
        for (PublishedTable table : event.tables()) {
            contents.add(json.writeValueAsString(table.view()));
        }
        savepoint.run(() -> {
            for (int i = 0; i < contents.size(); i++) {
                jdbc.update("""
                        insert into published_table (budget_id, table_number, document_no, document_sha256, content)
                        values (?, ?, ?, ?, cast(? as jsonb)) on conflict (budget_id, table_number) do nothing""",
                        event.budgetId(), event.tables().get(i).number(), event.documentNo(), event.documentSha256(),
                        contents.get(i));
            }
            for (int i = 0; i < event.findings().size(); i++) {
                CellFinding f = event.findings().get(i);
                jdbc.update("""
                        insert into disclosure_finding (budget_id, position, table_number, title, row_label,
                            column_name, source_line, published_wan_yuan, ledger_fen)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (budget_id, position) do nothing""",
                        event.budgetId(), i, f.table(), f.title(), f.row(), f.column(), f.sourceLine(),
                        f.publishedWanYuan(), f.ledgerFen());
                if (f.unit() != null) {
                    jdbc.update("update disclosure_finding set unit = ? where budget_id = ? and position = ?", f.unit(),
                            event.budgetId(), i);
                }
            }
            for (int i = 0; i < event.documentFindings().size(); i++) {
                DocumentFinding f = event.documentFindings().get(i);
                jdbc.update("""
                        insert into disclosure_document_finding (budget_id, position, severity, source_line, place, text)
                        values (?, ?, ?, ?, ?, ?) on conflict (budget_id, position) do nothing""",
                        event.budgetId(), i, f.severity(), f.sourceLine(), f.place(), f.text());
            }
        });
    }

    /** The document's own defects recorded on import, in document order. */
    public List<DocumentFinding> documentFindings(String budgetId) {
        return jdbc.query("select * from disclosure_document_finding where budget_id = ? order by position",
                (rs, n) -> new DocumentFinding(rs.getString("severity"), rs.getInt("source_line"), rs.getString("place"),
                        rs.getString("text")), budgetId);
    }

    /** The cells the budget's ledger was allowed not to reproduce, in document order. */
    public List<CellFinding> findings(String budgetId) {
        return jdbc.query("select * from disclosure_finding where budget_id = ? order by position",
                (rs, n) -> new CellFinding(rs.getInt("table_number"), rs.getString("title"), rs.getString("row_label"),
                        rs.getString("column_name"), rs.getInt("source_line"), rs.getBigDecimal("published_wan_yuan"),
                        rs.getLong("ledger_fen"), rs.getString("unit")), budgetId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from disclosure_finding");
        jdbc.update("delete from disclosure_document_finding");
        jdbc.update("delete from published_table");
    }

    public Optional<PublishedTables> published(String budgetId) {
        TreeMap<Integer, DisclosureTable> tables = new TreeMap<>();
        String[] document = new String[2];
        jdbc.query("select * from published_table where budget_id = ? order by table_number", rs -> {
            try {
                tables.put(rs.getInt("table_number"), json.readValue(rs.getString("content"), DisclosureTable.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("published_table " + budgetId + " is not a table", e);
            }
            document[0] = rs.getString("document_no");
            document[1] = rs.getString("document_sha256");
        }, budgetId);
        return tables.isEmpty() ? Optional.empty()
                : Optional.of(new PublishedTables(budgetId, document[0], document[1], tables));
    }
}
