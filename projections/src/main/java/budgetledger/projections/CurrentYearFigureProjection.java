package budgetledger.projections;

import budgetledger.events.CurrentYearFigureRecorded;
import budgetledger.model.BudgetSubject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * The read model of this year's figures recorded as facts ({@code current_year_figure}: 政府采购 and its parts).
 * A figure keeps the sequence of the record that set it, so a replayed or older record never overwrites a newer one.
 */
@Component
@ProcessingGroup(LedgerProcessing.CORE)
public class CurrentYearFigureProjection {

    private final JdbcTemplate jdbc;
    private final Savepoint savepoint;

    public CurrentYearFigureProjection(JdbcTemplate jdbc, Savepoint savepoint) {
        this.jdbc = jdbc;
        this.savepoint = savepoint;
    }

    @EventHandler
    void on(CurrentYearFigureRecorded event, @SequenceNumber long sequence) {
        savepoint.run(() -> {
            jdbc.update("""
                    insert into current_year_figure (budget_id, subject, amount_fen, last_sequence) values (?, ?, ?, ?)
                    on conflict (budget_id, subject) do update set amount_fen = excluded.amount_fen,
                        last_sequence = excluded.last_sequence
                    where current_year_figure.last_sequence < excluded.last_sequence""",
                    event.budgetId(), event.subject().name(), event.amountFen(), sequence);
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from current_year_figure");
    }

    /** The figures recorded for a budget, in 分, by subject. */
    public Map<BudgetSubject, Long> figures(String budgetId) {
        Map<BudgetSubject, Long> figures = new EnumMap<>(BudgetSubject.class);
        jdbc.query("select subject, amount_fen from current_year_figure where budget_id = ?",
                rs -> { figures.put(BudgetSubject.valueOf(rs.getString(1)), rs.getLong(2)); }, budgetId);
        return figures;
    }
}
