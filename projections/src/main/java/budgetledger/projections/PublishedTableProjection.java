package budgetledger.projections;

import budgetledger.events.DisclosureRecorded;
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

/** The read model of published tables ({@code published_table}): what an imported document said, per table. */
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
        for (DisclosureTable table : event.tables()) {
            contents.add(json.writeValueAsString(table));
        }
        savepoint.run(() -> {
            for (int i = 0; i < contents.size(); i++) {
                jdbc.update("""
                        insert into published_table (budget_id, table_number, document_no, document_sha256, content)
                        values (?, ?, ?, ?, cast(? as jsonb)) on conflict (budget_id, table_number) do nothing""",
                        event.budgetId(), event.tables().get(i).number(), event.documentNo(), event.documentSha256(),
                        contents.get(i));
            }
        });
    }

    @ResetHandler
    void reset() {
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
