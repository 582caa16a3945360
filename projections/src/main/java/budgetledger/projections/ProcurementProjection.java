package budgetledger.projections;

import budgetledger.events.ProcurementRecorded;
import budgetledger.model.ProcurementCategory;
import budgetledger.model.ProcurementFunds;
import budgetledger.model.ProcurementItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The read model of a budget's 政府采购 items ({@code procurement_item}), in the order its procurement table lists
 * them. A record replaces the budget's items whole, unless the rows already come from a later record (a replay).
 */
@Component
@ProcessingGroup(LedgerProcessing.CORE)
public class ProcurementProjection {

    private static final TypeReference<Map<ProcurementFunds, Long>> AMOUNTS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final Savepoint savepoint;
    private final ObjectMapper json = new ObjectMapper();

    public ProcurementProjection(JdbcTemplate jdbc, Savepoint savepoint) {
        this.jdbc = jdbc;
        this.savepoint = savepoint;
    }

    @EventHandler
    void on(ProcurementRecorded event, @SequenceNumber long sequence) {
        savepoint.run(() -> {
            Long newest = jdbc.queryForObject(
                    "select max(last_sequence) from procurement_item where budget_id = ?", Long.class,
                    event.budgetId());
            if (newest != null && newest >= sequence) {
                return;
            }
            jdbc.update("delete from procurement_item where budget_id = ?", event.budgetId());
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < event.items().size(); i++) {
                ProcurementItem item = event.items().get(i);
                rows.add(new Object[]{event.budgetId(), i + 1, item.unit(), item.category().name(), item.project(),
                        item.economicItem(), item.catalogueItem(), item.method(), amountsJson(item), sequence});
            }
            jdbc.batchUpdate("""
                    insert into procurement_item (budget_id, position, unit_name, category, project, economic_item,
                        catalogue_item, method, amounts, last_sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""",
                    rows);
        });
    }

    private String amountsJson(ProcurementItem item) {
        try {
            return json.writeValueAsString(item.amountsFen());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from procurement_item");
    }

    /** The budget's items in their table's order; empty when it has none. */
    public List<ProcurementItem> items(String budgetId) {
        return jdbc.query("""
                select unit_name, category, project, economic_item, catalogue_item, method, amounts::text
                from procurement_item where budget_id = ? order by position""", (rs, n) -> new ProcurementItem(
                rs.getString(1), ProcurementCategory.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), amounts(rs.getString(7))), budgetId);
    }

    private Map<ProcurementFunds, Long> amounts(String text) {
        try {
            return json.readValue(text, AMOUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("procurement_item.amounts is not a map of amounts: " + text, e);
        }
    }
}
