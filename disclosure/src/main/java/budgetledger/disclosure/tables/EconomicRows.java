package budgetledger.disclosure.tables;

import budgetledger.model.Figures;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetLine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Table 6 一般公共预算安排基本支出分经济科目表: basic lines by 部门预算支出经济分类 类, then by pair of department
 * item and government item, in department code then government code order (the order the seed shows), with
 * 合计, 人员经费 and 公用经费 columns.
 */
final class EconomicRows {

    private static final int COLUMNS = 3;
    private static final int PERSONNEL = 1;
    private static final int PUBLIC_USE = 2;

    /** A row of the table below its 类: one department item with the government item it was mapped to. */
    private record Pair(String deptCode, String govCode) {
    }

    private static final Comparator<Pair> CODE_ORDER =
            Comparator.comparing(Pair::deptCode).thenComparing(Pair::govCode);

    private EconomicRows() {
    }

    /** @param basicLines basic lines of 一般公共预算 当年, already selected */
    static List<TableRow> rows(ClassificationCatalogue catalogue, List<BudgetLine> basicLines) {
        FenCells total = new FenCells(COLUMNS);
        // Both maps sort by code, which is the published order.
        Map<String, FenCells> byClass = new TreeMap<>();
        Map<String, Map<Pair, FenCells>> byPair = new TreeMap<>();
        for (BudgetLine line : basicLines) {
            if (!Figures.isBasic(line) || line.deptEconomicCode() == null || line.govEconomicCode() == null) {
                throw new IllegalStateException("line " + line.lineId()
                        + ": table 6 takes basic lines with both economic codes");
            }
            FenCells lineCells = new FenCells(COLUMNS);
            lineCells.add(0, line.amountFen());
            lineCells.add(line.kind() == ExpenditureKind.BASIC_PERSONNEL ? PERSONNEL : PUBLIC_USE, line.amountFen());
            String classCode = line.deptEconomicCode().substring(0, 3);
            total.addAll(lineCells);
            byClass.computeIfAbsent(classCode, c -> new FenCells(COLUMNS)).addAll(lineCells);
            byPair.computeIfAbsent(classCode, c -> new TreeMap<>(CODE_ORDER))
                    .computeIfAbsent(new Pair(line.deptEconomicCode(), line.govEconomicCode()),
                            p -> new FenCells(COLUMNS))
                    .addAll(lineCells);
        }
        List<TableRow> rows = new ArrayList<>();
        rows.add(total.row(0, List.of("合计", "")));
        byClass.forEach((classCode, classCells) -> {
            if (classCells.isZero()) {
                return;
            }
            rows.add(classCells.row(1, List.of(className(catalogue, classCode), "")));
            byPair.get(classCode).forEach((pair, cells) -> {
                if (!cells.isZero()) {
                    rows.add(cells.row(2, List.of(deptItemName(catalogue, pair.deptCode()),
                            govName(catalogue, pair.govCode()))));
                }
            });
        });
        return rows;
    }

    private static String className(ClassificationCatalogue catalogue, String code) {
        return catalogue.deptEconomicClassName(code).orElseThrow(() -> missing(catalogue, "部门经济分类类", code));
    }

    private static String deptItemName(ClassificationCatalogue catalogue, String code) {
        return catalogue.deptEconomic(code).map(EconomicItem::name)
                .orElseThrow(() -> missing(catalogue, "部门经济分类", code));
    }

    private static String govName(ClassificationCatalogue catalogue, String code) {
        return catalogue.govEconomicName(code).orElseThrow(() -> missing(catalogue, "政府经济分类", code));
    }

    /** Lines carry codes the catalogue knew when they were recorded; a missing one is a bug, not a blank. */
    private static IllegalStateException missing(ClassificationCatalogue catalogue, String what, String code) {
        return new IllegalStateException(what + " " + code + " is not in the " + catalogue.edition()
                + " classification catalogue");
    }
}
