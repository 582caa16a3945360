package budgetledger.projections;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.LineAmountChange;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The read model of budget lines ({@code budget_line}): every line with its current amount. Events carry each
 * line's amount after the change, so applying an event twice sets the same value (idempotent), and an event
 * older than the row's last one is skipped.
 */
@Component
@ProcessingGroup(LedgerProcessing.CORE)
public class BudgetLineProjection {

    private static final RowMapper<BudgetLineRow> ROW = (rs, n) -> new BudgetLineRow(
            rs.getString("budget_id"), rs.getString("line_id"), rs.getString("unit_code"),
            rs.getString("functional_code"), ExpenditureKind.valueOf(rs.getString("kind")),
            rs.getString("dept_economic_code"), rs.getString("gov_economic_code"),
            FundingSource.valueOf(rs.getString("funding_source")), Origin.valueOf(rs.getString("origin")),
            rs.getString("project"), rs.getLong("appropriated_fen"), rs.getLong("amount_fen"),
            rs.getLong("last_sequence"));

    private final JdbcTemplate jdbc;

    public BudgetLineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BudgetLineAppropriated event, @SequenceNumber long sequence) {
        jdbc.update("""
                insert into budget_line (budget_id, line_id, unit_code, functional_code, kind, dept_economic_code,
                    gov_economic_code, funding_source, origin, project, appropriated_fen, amount_fen, last_sequence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (budget_id, line_id) do nothing""",
                event.budgetId(), event.lineId(), event.unitCode(), event.functionalCode(), event.kind().name(),
                event.deptEconomicCode(), event.govEconomicCode(), event.fundingSource().name(),
                event.origin().name(), event.project(), event.amountFen(), event.amountFen(), sequence);
    }

    @EventHandler
    void on(BudgetLineAdjusted event, @SequenceNumber long sequence) {
        setAmount(event.budgetId(), event.lineId(), event.amountAfterFen(), sequence);
    }

    @EventHandler
    void on(BudgetAmountTransferred event, @SequenceNumber long sequence) {
        setAmount(event.budgetId(), event.fromLineId(), event.fromAmountAfterFen(), sequence);
        setAmount(event.budgetId(), event.toLineId(), event.toAmountAfterFen(), sequence);
    }

    @EventHandler
    void on(BudgetEventReversed event, @SequenceNumber long sequence) {
        for (LineAmountChange change : event.changes()) {
            setAmount(event.budgetId(), change.lineId(), change.amountAfterFen(), sequence);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from budget_line");
    }

    private void setAmount(String budgetId, String lineId, long amountFen, long sequence) {
        jdbc.update("update budget_line set amount_fen = ?, last_sequence = ? "
                + "where budget_id = ? and line_id = ? and last_sequence < ?",
                amountFen, sequence, budgetId, lineId, sequence);
    }

    /** Every line of a budget, in the order they were appropriated. */
    public List<BudgetLineRow> lines(String budgetId) {
        return jdbc.query("select * from budget_line where budget_id = ? order by length(line_id), line_id",
                ROW, budgetId);
    }

    public Optional<BudgetLineRow> line(String budgetId, String lineId) {
        return jdbc.query("select * from budget_line where budget_id = ? and line_id = ?", ROW, budgetId, lineId)
                .stream().findFirst();
    }
}
