package budgetledger.disclosure;

import budgetledger.model.Labelled;
import budgetledger.model.ProcurementCategory;
import budgetledger.model.ProcurementFunds;
import budgetledger.model.ProcurementItem;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A 政府采购 table ({@link TableLayout.Kind#PROCUREMENT}): its items as the ledger keeps them, the table rendered
 * back from them, and the arithmetic a published one must satisfy.
 *
 * <p>Rows: 合计 (level 0), each 采购品目大类 (1), each unit under it (2), the unit's items (3). Label cells: 采购品目大类,
 * 专项名称, 经济科目, 采购品目名称, 采购组织形式. Every item row, and every parent row column by column, sums: a
 * parent is the sum of the rows beneath it, a row's 总计 the sum of its kinds of money, each within the rounding of
 * the table's unit (a 万元 cell is rounded on its own, so a parent may differ from its parts by half a cent each).
 * Items are what the table publishes; their amounts are the printed ones, in 分.
 */
public final class ProcurementTable {

    /** Label cells of a row. */
    private static final int CATEGORY = 0;
    private static final int LABELS = 5;

    private static final int TOTAL_LEVEL = 0;
    private static final int CATEGORY_LEVEL = 1;
    private static final int UNIT_LEVEL = 2;
    private static final int ITEM_LEVEL = 3;

    private ProcurementTable() {
    }

    /** The level of a published row: 合计 0, a 采购品目大类 1, a unit 2, an item 3. */
    static int level(List<String> labels) {
        String first = labels.isEmpty() ? "" : labels.get(CATEGORY).strip();
        boolean described = labels.stream().skip(1).anyMatch(l -> !l.isBlank());
        if (!described && TableReader.isTotalLabel(first)) {
            return TOTAL_LEVEL;
        }
        if (described) {
            return ITEM_LEVEL;
        }
        return category(first).isPresent() ? CATEGORY_LEVEL : UNIT_LEVEL;
    }

    /** 货物, 工程, 服务 (also 货物类 …). */
    static Optional<ProcurementCategory> category(String label) {
        String text = TableLayout.normalise(label);
        if (text.endsWith("类")) {
            text = text.substring(0, text.length() - 1);
        }
        return Labelled.parse(ProcurementCategory.class, text);
    }

    /**
     * The items of a published table, in its order: each with the 采购品目大类 and unit of the rows above it (its own
     * 采购品目大类 cell when it prints one). Rows that are not items only group them.
     *
     * @throws IllegalArgumentException when an item has no 采购品目大类 above it or in its own cell
     */
    public static List<ProcurementItem> items(TableLayout layout, DisclosureTable table) {
        List<ProcurementItem> items = new ArrayList<>();
        ProcurementCategory category = null;
        String unit = "";
        for (TableRow row : table.rows()) {
            List<String> labels = row.labels();
            switch (row.level()) {
                case CATEGORY_LEVEL -> {
                    category = category(labels.get(CATEGORY)).orElseThrow();
                    unit = "";
                }
                case UNIT_LEVEL -> unit = TableLayout.normalise(labels.get(CATEGORY));
                case ITEM_LEVEL -> {
                    ProcurementCategory own = category(labels.get(CATEGORY)).orElse(category);
                    if (own == null) {
                        throw new IllegalArgumentException(layout.displayName() + " 第 " + row.sourceLine()
                                + " 行：采购项目之上没有采购品目大类（货物、工程、服务）");
                    }
                    items.add(new ProcurementItem(unit, own, labels.get(1), labels.get(2), labels.get(3),
                            labels.get(4), amounts(layout, row)));
                }
                default -> {
                }
            }
        }
        return List.copyOf(items);
    }

    /** The problems {@link #items} would throw for, each placed on its row. */
    static void checkStructure(TableLayout layout, DisclosureTable table, Problems problems) {
        ProcurementCategory category = null;
        for (TableRow row : table.rows()) {
            if (row.level() == CATEGORY_LEVEL) {
                category = category(row.labels().get(CATEGORY)).orElse(null);
            } else if (row.level() == ITEM_LEVEL && category == null
                    && category(row.labels().get(CATEGORY)).isEmpty()) {
                problems.add(row.sourceLine(), layout.displayName(), "采购项目之上没有采购品目大类（货物、工程、服务）");
            }
        }
    }

    private static Map<ProcurementFunds, Long> amounts(TableLayout layout, TableRow row) {
        Map<ProcurementFunds, Long> amounts = new EnumMap<>(ProcurementFunds.class);
        for (int c = 0; c < layout.fundsColumns().size(); c++) {
            List<ProcurementFunds> funds = layout.fundsColumns().get(c);
            BigDecimal amount = c < row.amounts().size() ? row.amounts().get(c) : null;
            if (funds.isEmpty() || amount == null) {
                continue; // 总计 is the sum of the others, not money of its own
            }
            amounts.merge(funds.get(0), fen(layout, amount), Long::sum);
        }
        return amounts;
    }

    private static long fen(TableLayout layout, BigDecimal amount) {
        return amount.multiply(BigDecimal.valueOf(layout.fenPerUnit())).setScale(0, RoundingMode.UNNECESSARY)
                .longValueExact();
    }

    /**
     * The table rendered from items: 合计, then each 采购品目大类 in the catalogue's order (货物, 工程, 服务) with each
     * unit in the order its items come, and the unit's items. Each cell is the exact sum of its items, rounded on
     * its own; a zero cell is blank.
     */
    public static List<TableRow> rows(TableLayout layout, List<ProcurementItem> items) {
        List<TableRow> rows = new ArrayList<>();
        rows.add(row(layout, TOTAL_LEVEL, label("合计"), items));
        for (ProcurementCategory category : ProcurementCategory.values()) {
            List<ProcurementItem> ofCategory = items.stream().filter(i -> i.category() == category).toList();
            if (ofCategory.isEmpty()) {
                continue;
            }
            rows.add(row(layout, CATEGORY_LEVEL, label(category.label()), ofCategory));
            Map<String, List<ProcurementItem>> byUnit = new LinkedHashMap<>();
            ofCategory.forEach(i -> byUnit.computeIfAbsent(i.unit(), u -> new ArrayList<>()).add(i));
            for (Map.Entry<String, List<ProcurementItem>> unit : byUnit.entrySet()) {
                if (!unit.getKey().isEmpty()) {
                    rows.add(row(layout, UNIT_LEVEL, label(unit.getKey()), unit.getValue()));
                }
                for (ProcurementItem item : unit.getValue()) {
                    rows.add(row(layout, ITEM_LEVEL, List.of("", item.project(), item.economicItem(),
                            item.catalogueItem(), item.method()), List.of(item)));
                }
            }
        }
        return rows;
    }

    private static List<String> label(String first) {
        List<String> labels = new ArrayList<>(Collections.nCopies(LABELS, ""));
        labels.set(CATEGORY, first);
        return List.copyOf(labels);
    }

    private static TableRow row(TableLayout layout, int level, List<String> labels, List<ProcurementItem> items) {
        List<BigDecimal> amounts = new ArrayList<>();
        for (List<ProcurementFunds> funds : layout.fundsColumns()) {
            long fen = 0;
            for (ProcurementItem item : items) {
                fen += funds.isEmpty() ? item.totalFen()
                        : funds.stream().mapToLong(item::amountFen).sum();
            }
            amounts.add(fen == 0 ? null : BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(layout.fenPerUnit()), 2,
                    RoundingMode.HALF_UP));
        }
        return new TableRow(level, labels, Collections.unmodifiableList(amounts), 0);
    }

    /** A published cell that breaks the table's sums, and the value that would mend them (in the table's unit). */
    public record Culprit(int row, int column, BigDecimal mended) {
    }

    /**
     * The cells that break the table's arithmetic. One wrong cell breaks its row's 总计 and each parent's column
     * above it; the cell whose mending satisfies every broken sum at once is named. Where no single cell explains
     * them, each broken sum is named by its parent cell (the 总计 of a row, or a parent's cell of the column).
     */
    public static List<Culprit> culprits(TableLayout layout, DisclosureTable table) {
        long[][] fen = fenGrid(layout, table);
        List<Sum> broken = sums(layout, table).stream().filter(s -> !s.holds(fen, layout)).toList();
        if (broken.isEmpty()) {
            return List.of();
        }
        // Cells in every broken sum: the one wrong cell, if there is one, is among them.
        for (int[] cell : broken.get(0).cells()) {
            if (!broken.stream().allMatch(s -> s.involves(cell))) {
                continue;
            }
            long mended = broken.get(0).mend(fen, cell);
            long kept = fen[cell[0]][cell[1]];
            fen[cell[0]][cell[1]] = mended;
            boolean all = sums(layout, table).stream().allMatch(s -> s.holds(fen, layout));
            fen[cell[0]][cell[1]] = kept;
            if (all && mended >= 0) {
                return List.of(new Culprit(cell[0], cell[1], inUnit(layout, mended)));
            }
        }
        List<Culprit> named = new ArrayList<>();
        for (Sum sum : broken) {
            int[] whole = sum.whole();
            named.add(new Culprit(whole[0], whole[1], inUnit(layout, sum.mend(fen, whole))));
        }
        return named;
    }

    private static BigDecimal inUnit(TableLayout layout, long fen) {
        return BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(layout.fenPerUnit()), 2, RoundingMode.HALF_UP);
    }

    private static long[][] fenGrid(TableLayout layout, DisclosureTable table) {
        long[][] fen = new long[table.rows().size()][layout.amountCount()];
        for (int r = 0; r < table.rows().size(); r++) {
            List<BigDecimal> amounts = table.rows().get(r).amounts();
            for (int c = 0; c < layout.amountCount() && c < amounts.size(); c++) {
                fen[r][c] = amounts.get(c) == null ? 0 : fen(layout, amounts.get(c));
            }
        }
        return fen;
    }

    /** One sum the table must satisfy: {@code whole} = the sum of {@code parts}, each cell [row, column]. */
    private record Sum(int[] whole, List<int[]> parts) {

        boolean holds(long[][] fen, TableLayout layout) {
            long sum = parts.stream().mapToLong(p -> fen[p[0]][p[1]]).sum();
            // Each printed cell of a 万元 table is within half a cent of its exact amount; a 元 table is exact.
            long tolerance = layout.fenPerUnit() / 200 * (parts.size() + 1);
            return Math.abs(fen[whole[0]][whole[1]] - sum) <= tolerance;
        }

        boolean involves(int[] cell) {
            return Arrays.equals(whole, cell) || parts.stream().anyMatch(p -> Arrays.equals(p, cell));
        }

        List<int[]> cells() {
            List<int[]> all = new ArrayList<>(parts);
            all.add(0, whole);
            return all;
        }

        /** The value of {@code cell} that makes this sum hold exactly. */
        long mend(long[][] fen, int[] cell) {
            long partsSum = parts.stream().mapToLong(p -> fen[p[0]][p[1]]).sum();
            if (Arrays.equals(cell, whole)) {
                return partsSum;
            }
            return fen[whole[0]][whole[1]] - (partsSum - fen[cell[0]][cell[1]]);
        }
    }

    /** Every row's 总计 over its parts, and every parent's cells over the rows directly beneath it. */
    private static List<Sum> sums(TableLayout layout, DisclosureTable table) {
        List<Sum> sums = new ArrayList<>();
        List<TableRow> rows = table.rows();
        if (layout.totalColumn() >= 0) {
            for (int r = 0; r < rows.size(); r++) {
                int row = r;
                sums.add(new Sum(new int[]{r, layout.totalColumn()},
                        layout.partColumns().stream().map(c -> new int[]{row, c}).toList()));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            int level = rows.get(r).level();
            if (level >= ITEM_LEVEL) {
                continue;
            }
            List<Integer> children = new ArrayList<>();
            int childLevel = Integer.MAX_VALUE;
            for (int k = r + 1; k < rows.size() && rows.get(k).level() > level; k++) {
                childLevel = Math.min(childLevel, rows.get(k).level());
            }
            for (int k = r + 1; k < rows.size() && rows.get(k).level() > level; k++) {
                if (rows.get(k).level() == childLevel) {
                    children.add(k);
                }
            }
            if (children.isEmpty()) {
                continue;
            }
            for (int c = 0; c < layout.amountCount(); c++) {
                int column = c;
                sums.add(new Sum(new int[]{r, c}, children.stream().map(k -> new int[]{k, column}).toList()));
            }
        }
        return sums;
    }
}
