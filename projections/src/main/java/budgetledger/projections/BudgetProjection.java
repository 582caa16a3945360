package budgetledger.projections;

import budgetledger.events.BudgetOpened;
import budgetledger.events.ChangeReasonRecorded;
import budgetledger.events.PriorYearFigureRecorded;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.UnitType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read model of budgets ({@code budget}, {@code budget_unit}, {@code prior_year_figure},
 * {@code change_reason}). Figures and reasons keep the sequence of the record that set them, so a replayed or
 * older record never overwrites a newer one.
 */
@Component
@ProcessingGroup(LedgerProcessing.CORE)
public class BudgetProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Savepoint savepoint;
    private final ProcurementProjection procurement;

    public BudgetProjection(JdbcTemplate jdbc, Savepoint savepoint, ProcurementProjection procurement) {
        this.jdbc = jdbc;
        this.savepoint = savepoint;
        this.procurement = procurement;
    }

    @EventHandler
    void on(BudgetOpened event) {
        savepoint.run(() -> {
            int inserted = jdbc.update("""
                    insert into budget (budget_id, department_code, department_name, fiscal_year, document_names,
                        template_id)
                    values (?, ?, ?, ?, cast(? as jsonb), ?) on conflict (budget_id) do nothing""",
                    event.budgetId(), event.departmentCode(), event.departmentName(), event.fiscalYear(),
                    names(event.documentNames()), event.templateId());
            if (inserted == 0) {
                return;
            }
            List<BudgetUnit> units = event.units();
            for (int i = 0; i < units.size(); i++) {
                BudgetUnit unit = units.get(i);
                jdbc.update("insert into budget_unit (budget_id, unit_code, unit_name, unit_type, position) "
                        + "values (?, ?, ?, ?, ?)", event.budgetId(), unit.code(), unit.name(), unit.type().name(), i);
            }
        });
    }

    @EventHandler
    void on(PriorYearFigureRecorded event, @SequenceNumber long sequence) {
        savepoint.run(() -> {
            jdbc.update("""
                    insert into prior_year_figure (budget_id, subject, amount_fen, last_sequence) values (?, ?, ?, ?)
                    on conflict (budget_id, subject) do update set amount_fen = excluded.amount_fen,
                        last_sequence = excluded.last_sequence
                    where prior_year_figure.last_sequence < excluded.last_sequence""",
                    event.budgetId(), event.subject().name(), event.amountFen(), sequence);
        });
    }

    @EventHandler
    void on(ChangeReasonRecorded event, @SequenceNumber long sequence) {
        savepoint.run(() -> {
            jdbc.update("""
                    insert into change_reason (budget_id, subject, reason, last_sequence) values (?, ?, ?, ?)
                    on conflict (budget_id, subject) do update set reason = excluded.reason,
                        last_sequence = excluded.last_sequence
                    where change_reason.last_sequence < excluded.last_sequence""",
                    event.budgetId(), event.subject().name(), event.reason(), sequence);
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from change_reason");
        jdbc.update("delete from prior_year_figure");
        jdbc.update("delete from budget_unit");
        jdbc.update("delete from budget");
    }

    /** Every budget, by department and year. */
    public List<BudgetRow> budgets() {
        return jdbc.queryForList("select budget_id from budget order by department_code, fiscal_year", String.class)
                .stream().map(this::budget).flatMap(Optional::stream).toList();
    }

    public Optional<BudgetRow> budget(String budgetId) {
        return jdbc.query("select * from budget where budget_id = ?", (rs, n) -> new BudgetRow(
                        rs.getString("budget_id"), rs.getString("department_code"), rs.getString("department_name"),
                        rs.getInt("fiscal_year"), units(budgetId), priorYearFigures(budgetId), reasons(budgetId),
                        names(rs.getString("document_names")), rs.getString("template_id"),
                        procurement.items(budgetId)),
                budgetId).stream().findFirst();
    }

    private String names(Map<String, String> names) {
        try {
            return json.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> names(String stored) {
        try {
            return stored == null ? Map.of() : Map.copyOf(json.readValue(stored, NAMES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("budget.document_names is not a map of names", e);
        }
    }

    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
    };

    private List<BudgetUnit> units(String budgetId) {
        return jdbc.query("select * from budget_unit where budget_id = ? order by position",
                (rs, n) -> new BudgetUnit(rs.getString("unit_code"), rs.getString("unit_name"),
                        UnitType.valueOf(rs.getString("unit_type"))), budgetId);
    }

    private Map<BudgetSubject, Long> priorYearFigures(String budgetId) {
        Map<BudgetSubject, Long> figures = new EnumMap<>(BudgetSubject.class);
        jdbc.query("select subject, amount_fen from prior_year_figure where budget_id = ?",
                rs -> { figures.put(BudgetSubject.valueOf(rs.getString(1)), rs.getLong(2)); }, budgetId);
        return figures;
    }

    private Map<BudgetSubject, String> reasons(String budgetId) {
        Map<BudgetSubject, String> reasons = new EnumMap<>(BudgetSubject.class);
        jdbc.query("select subject, reason from change_reason where budget_id = ?",
                rs -> { reasons.put(BudgetSubject.valueOf(rs.getString(1)), rs.getString(2)); }, budgetId);
        return reasons;
    }
}
