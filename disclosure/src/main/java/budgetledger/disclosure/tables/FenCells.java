package budgetledger.disclosure.tables;

import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The amount cells of one table row while it is being summed: exact 分 per column. Cells are rounded to 万元
 * only when the row is made, each on its own, so that a parent shows the rounding of its exact sum and not the
 * sum of its rounded children (the 尾差 the published tables carry).
 */
final class FenCells {

    private final long[] fen;

    FenCells(int columns) {
        this.fen = new long[columns];
    }

    void add(int column, long amountFen) {
        fen[column] = Math.addExact(fen[column], amountFen);
    }

    /** Adds every cell of {@code other}; both rows have the same columns. */
    void addAll(FenCells other) {
        if (other.fen.length != fen.length) {
            throw new IllegalArgumentException("cannot add " + other.fen.length + " cells to " + fen.length);
        }
        for (int c = 0; c < fen.length; c++) {
            add(c, other.fen[c]);
        }
    }

    int size() {
        return fen.length;
    }

    boolean isZero() {
        return Arrays.stream(fen).allMatch(f -> f == 0);
    }

    /**
     * The row as published. A cell whose exact sum is zero is blank (null), as the seed shows every zero; a
     * non-zero cell too small to reach 0.01 万元 still shows 0.00, so that money on the ledger never vanishes
     * from a table without trace.
     */
    TableRow row(int level, List<String> labels) {
        return row(level, labels, 1_000_000L);
    }

    /** The row in a table whose unit is {@code fenPerUnit} 分 (万元: 1,000,000; 元: 100). */
    TableRow row(int level, List<String> labels, long fenPerUnit) {
        List<BigDecimal> amounts = new ArrayList<>(fen.length);
        for (long f : fen) {
            amounts.add(f == 0 ? null : BigDecimal.valueOf(f).divide(BigDecimal.valueOf(fenPerUnit), 2,
                    RoundingMode.HALF_UP));
        }
        return new TableRow(level, List.copyOf(labels), Collections.unmodifiableList(amounts), 0);
    }

    /** A row whose every amount is blank: the total rows of an empty table, 年终结转. */
    static TableRow blankRow(int level, List<String> labels, int columns) {
        return new FenCells(columns).row(level, labels);
    }
}
