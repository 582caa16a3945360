package budgetledger.projections;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.LineAmountChange;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read model of budget lines ({@code budget_line}): every line with its current amount. Events carry each
 * line's amount after the change, so applying an event twice sets the same value (idempotent), and an event
 * older than the row's last one is skipped.
 *
 * <p>Writes are gathered per processor batch ({@link LineWrites}, a resource of the batch's unit of work) and sent
 * as two JDBC batches when the batch commits, with only the last amount of each line: a replay then costs a few
 * round trips per thousand events, not one per event.
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
        writes().apply(event, sequence);
    }

    /** A file's lines, inserted with the batch's other rows (one multi-row INSERT per thousand). */
    @EventHandler
    void on(BudgetLinesAppropriated event, @SequenceNumber long sequence) {
        writes().apply(event, sequence);
    }

    @EventHandler
    void on(BudgetLineAdjusted event, @SequenceNumber long sequence) {
        writes().apply(event, sequence);
    }

    @EventHandler
    void on(BudgetAmountTransferred event, @SequenceNumber long sequence) {
        writes().apply(event, sequence);
    }

    @EventHandler
    void on(BudgetEventReversed event, @SequenceNumber long sequence) {
        writes().apply(event, sequence);
    }

    /** Truncated, not deleted: a million dead rows left by a delete would slow every read until vacuumed. */
    @ResetHandler
    void reset() {
        jdbc.update("truncate budget_line");
    }

    /**
     * The writes of the current processor batch, flushed when it commits (at once outside a unit of work); in a
     * replay's span, those of the span, written at its checkpoint.
     */
    private LineWrites writes() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new LineWrites(jdbc, true);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Optional<ReplaySpan> span = ReplaySpan.of(root);
        if (span.isPresent()) {
            return span.get().held(LineWrites.class.getName(), () -> new LineWrites(jdbc, false));
        }
        return root.getOrComputeResource(LineWrites.class.getName(), key -> {
            LineWrites writes = new LineWrites(jdbc, false);
            root.onPrepareCommit(uow -> writes.flush());
            return writes;
        });
    }

    /** Inserts in event order, then for each line the amount of its newest event (inserts always come first). */
    static final class LineWrites implements ReplaySpan.Held {

        private final JdbcTemplate jdbc;
        private final boolean immediate;
        private final List<Object[]> inserts = new ArrayList<>();
        /** Where each appropriation event's rows begin in {@link #inserts} (see {@link #withoutApplied}). */
        private final List<Integer> eventStarts = new ArrayList<>();
        private final Map<List<String>, long[]> amounts = new LinkedHashMap<>();

        LineWrites(JdbcTemplate jdbc, boolean immediate) {
            this.jdbc = jdbc;
            this.immediate = immediate;
        }

        /**
         * What an event does to the lines: the one definition, for the processor's batches and for the writes made
         * in the command's own transaction (LinesInCommandTransaction). An event that does not touch them changes
         * nothing.
         */
        void apply(Object event, long sequence) {
            if (event instanceof BudgetLineAppropriated line) {
                eventStarts.add(inserts.size());
                insert(row(line, sequence));
            } else if (event instanceof BudgetLinesAppropriated file) {
                if (!file.lines().isEmpty()) {
                    eventStarts.add(inserts.size());
                }
                for (BudgetLineAppropriated line : file.lines()) {
                    insert(row(line, sequence));
                }
            } else if (event instanceof BudgetLineAdjusted adjusted) {
                setAmount(adjusted.budgetId(), adjusted.lineId(), adjusted.amountAfterFen(), sequence);
            } else if (event instanceof BudgetAmountTransferred transferred) {
                setAmount(transferred.budgetId(), transferred.fromLineId(), transferred.fromAmountAfterFen(), sequence);
                setAmount(transferred.budgetId(), transferred.toLineId(), transferred.toAmountAfterFen(), sequence);
            } else if (event instanceof BudgetEventReversed reversed) {
                for (LineAmountChange change : reversed.changes()) {
                    setAmount(reversed.budgetId(), change.lineId(), change.amountAfterFen(), sequence);
                }
            }
        }

        /** A row's columns ({@link #row}): ten texts, then the two amounts and the sequence. */
        private static final int ROW_COLUMNS = 13;
        private static final int FIRST_FEN_COLUMN = 10;

        private static Object[] row(BudgetLineAppropriated event, long sequence) {
            return new Object[] {event.budgetId(), event.lineId(), event.unitCode(), event.functionalCode(),
                    event.kind().name(), event.deptEconomicCode(), event.govEconomicCode(),
                    event.fundingSource().name(), event.origin().name(), event.project(), event.amountFen(),
                    event.amountFen(), sequence};
        }

        private void insert(Object[] row) {
            inserts.add(row);
            if (immediate) {
                flush();
            }
        }

        private void setAmount(String budgetId, String lineId, long amountFen, long sequence) {
            amounts.merge(List.of(budgetId, lineId), new long[] {amountFen, sequence},
                    (old, now) -> now[1] > old[1] ? now : old);
            if (immediate) {
                flush();
            }
        }

        /** The processor's batch: its rows and amounts, without the lines of events already applied. */
        void flush() {
            write(withoutApplied());
        }

        /** A replay's span, at its checkpoint: as a batch. */
        @Override
        public void write() {
            flush();
        }

        @Override
        public int size() {
            return inserts.size() + amounts.size();
        }

        /**
         * These rows, then the amounts gathered; both cleared. A row inserted here takes its line's newest amount
         * gathered with it, so a line appropriated and then adjusted in the same batch (or replay span) is written
         * once, not inserted and then updated.
         */
        private void write(List<Object[]> rows) {
            inserts.clear();
            eventStarts.clear();
            if (!rows.isEmpty()) {
                for (Object[] row : rows) {
                    long[] newest = amounts.remove(List.of((String) row[0], (String) row[1]));
                    if (newest != null && newest[1] > (Long) row[12]) {
                        row[11] = newest[0];
                        row[12] = newest[1];
                    }
                }
                insert(rows);
            }
            if (!amounts.isEmpty()) {
                jdbc.update(UPDATE_AMOUNTS, amountArrays());
            }
        }

        /**
         * In the command's transaction: writes what was gathered for the budgets whose claim holds (a data-modifying
         * statement with parameters over {@code budget_progress} that returns each moved row's {@code budget_id} and
         * {@code global_index}, the position of its claimed event; BudgetProgress.CLAIM_SQL), nothing for the
         * others. Amounts alone go in the claim's own statement (a data-modifying WITH), one round trip; inserts after
         * it. The claimed event's position of each budget whose claim held.
         */
        Map<String, Long> flushAfterClaim(String claimSql, Object... claim) {
            Map<String, Long> claimed = new HashMap<>();
            RowCallbackHandler collect = rs -> claimed.put(rs.getString("budget_id"), rs.getLong("global_index"));
            if (!inserts.isEmpty() || amounts.isEmpty()) {
                jdbc.query(claimSql, collect, claim);
                inserts.removeIf(row -> !claimed.containsKey((String) row[0]));
                amounts.keySet().removeIf(line -> !claimed.containsKey(line.get(0)));
                write(List.copyOf(inserts));
                return claimed;
            }
            Object[] arrays = amountArrays();
            Object[] args = new Object[claim.length + arrays.length];
            System.arraycopy(claim, 0, args, 0, claim.length);
            System.arraycopy(arrays, 0, args, claim.length, arrays.length);
            // A data-modifying WITH runs whether or not the query reads it; its lines only of the budgets claimed.
            jdbc.query("with claimed as (" + claimSql + "), amounts as (" + UPDATE_AMOUNTS
                    + " and b.budget_id in (select budget_id from claimed)) select budget_id, global_index from claimed",
                    collect, args);
            return claimed;
        }

        /** Each line's newest amount, one statement for the whole batch (arrays unnested), not one UPDATE per line. */
        private static final String UPDATE_AMOUNTS = """
                update budget_line b set amount_fen = v.amount_fen, last_sequence = v.last_sequence
                from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[])
                    as v(budget_id, line_id, amount_fen, last_sequence)
                where b.budget_id = v.budget_id and b.line_id = v.line_id and b.last_sequence < v.last_sequence""";

        /** The amounts gathered, as the four arrays of UPDATE_AMOUNTS; cleared. */
        private Object[] amountArrays() {
            int n = amounts.size();
            String[] budgets = new String[n];
            String[] lines = new String[n];
            long[] fen = new long[n];
            long[] sequences = new long[n];
            int i = 0;
            for (Map.Entry<List<String>, long[]> entry : amounts.entrySet()) {
                budgets[i] = entry.getKey().get(0);
                lines[i] = entry.getKey().get(1);
                fen[i] = entry.getValue()[0];
                sequences[i] = entry.getValue()[1];
                i++;
            }
            amounts.clear();
            return new Object[] {budgets, lines, fen, sequences};
        }

        /**
         * The rows in one statement, column by column as arrays unnested (in their order): a file's thousand lines had
         * been eight statements of 128 rows of 13 parameters each (the driver's rewritten batch). A row already there
         * (written by another transaction after {@link #withoutApplied} looked) keeps its own appropriation and takes
         * the row's amount only if newer, as the amounts' UPDATE would: the row may carry an amount folded in.
         */
        private void insert(List<Object[]> rows) {
            int n = rows.size();
            Object[] columns = new Object[ROW_COLUMNS];
            for (int c = 0; c < ROW_COLUMNS; c++) {
                columns[c] = c < FIRST_FEN_COLUMN ? new String[n] : new long[n];
            }
            for (int r = 0; r < n; r++) {
                Object[] row = rows.get(r);
                for (int c = 0; c < ROW_COLUMNS; c++) {
                    if (c < FIRST_FEN_COLUMN) {
                        ((String[]) columns[c])[r] = (String) row[c];
                    } else {
                        ((long[]) columns[c])[r] = (Long) row[c];
                    }
                }
            }
            jdbc.update("""
                    insert into budget_line (budget_id, line_id, unit_code, functional_code, kind, dept_economic_code,
                        gov_economic_code, funding_source, origin, project, appropriated_fen, amount_fen, last_sequence)
                    select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                        ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[],
                        ?::bigint[])
                    on conflict (budget_id, line_id) do update
                        set amount_fen = excluded.amount_fen, last_sequence = excluded.last_sequence
                        where budget_line.last_sequence < excluded.last_sequence""", columns);
        }

        /**
         * The rows to insert without those of appropriation events already applied: an event whose first line is in
         * the table has all of its lines there (an event's lines are inserted together, and a line id is given once in
         * a budget), typically because its command wrote them (LinesInCommandTransaction). One lookup per event, not a
         * conflicting insert per line: in a profile of the benchmark's import (path 2), the processor's threads waited
         * 9.3 s on those conflicting inserts during a 10 s import, PostgreSQL's CPU taken from the import itself.
         */
        private List<Object[]> withoutApplied() {
            if (inserts.isEmpty()) {
                return List.of();
            }
            int n = eventStarts.size();
            String[] budgets = new String[n];
            String[] lines = new String[n];
            for (int i = 0; i < n; i++) {
                Object[] first = inserts.get(eventStarts.get(i));
                budgets[i] = (String) first[0];
                lines[i] = (String) first[1];
            }
            List<Integer> applied = jdbc.queryForList("""
                    select v.i::int from unnest(?::varchar[], ?::varchar[]) with ordinality as v(budget_id, line_id, i)
                    where exists (select 1 from budget_line b where b.budget_id = v.budget_id and b.line_id = v.line_id)""",
                    Integer.class, budgets, lines);
            if (applied.isEmpty()) {
                return new ArrayList<>(inserts);
            }
            java.util.Set<Integer> skipped = new java.util.HashSet<>(applied);
            List<Object[]> rows = new ArrayList<>(inserts.size());
            for (int e = 0; e < n; e++) {
                int end = e + 1 < n ? eventStarts.get(e + 1) : inserts.size();
                if (!skipped.contains(e + 1)) { // ordinality counts from 1
                    rows.addAll(inserts.subList(eventStarts.get(e), end));
                }
            }
            return rows;
        }
    }

    /** Every line of a budget, in the order they were appropriated. */
    public List<BudgetLineRow> lines(String budgetId) {
        return jdbc.query("select * from budget_line where budget_id = ? order by length(line_id), line_id",
                ROW, budgetId);
    }

    /**
     * The version of a budget's lines in the read model: how many there are and the sequence of the newest event
     * applied to any of them. A batch applies a budget's events in order and commits whole, so the lines are always
     * those after some prefix of the budget's events, and that prefix's last line event is this newest sequence: two
     * reads with the same version read the same lines (a rebuild passes through smaller versions back to the same).
     */
    public LinesVersion version(String budgetId) {
        return jdbc.queryForObject("select count(*), coalesce(max(last_sequence), -1) from budget_line where budget_id = ?",
                (rs, n) -> new LinesVersion(rs.getLong(1), rs.getLong(2)), budgetId);
    }

    /** See {@link #version}. */
    public record LinesVersion(long lines, long lastSequence) {
    }

    public Optional<BudgetLineRow> line(String budgetId, String lineId) {
        return jdbc.query("select * from budget_line where budget_id = ? and line_id = ?", ROW, budgetId, lineId)
                .stream().findFirst();
    }
}
