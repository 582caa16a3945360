package budgetledger.disclosure.tables;

import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.BudgetLine;
import budgetledger.disclosure.LineFilter;
import budgetledger.disclosure.TableLayout;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.FunctionalCode;
import budgetledger.model.table.TableRow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a table that its template describes by filters ({@link TableLayout#filtered()}): the lines it selects are
 * summed into each amount column whose filter they pass, by functional code (类 / 款 / 项), by 部门经济分类 code
 * (类 / 款), side by side (income rows, then expenditure by 类) or into one row. Each cell is the exact sum of its
 * lines, rounded on its own to the table's unit. Nothing here knows a province: the template file says what a
 * cell counts.
 */
final class TemplateTables {

    private static final int CLASS_DIGITS = 3;
    private static final int SECTION_DIGITS = 5;

    private TemplateTables() {
    }

    static List<TableRow> rows(TableLayout layout, BudgetHeader budget, CodeNames names,
                               ClassificationCatalogue catalogue, List<BudgetLine> lines) {
        LineFilter.Context context = LineFilter.Context.of(catalogue, budget.units());
        List<BudgetLine> selected = lines.stream().filter(layout.select().in(context)).toList();
        return switch (layout.kind()) {
            case FUNCTIONAL -> functional(layout, names, context, selected);
            case ECONOMIC -> economic(layout, catalogue, context, selected);
            case PAIRED -> paired(layout, names, context, lines, selected);
            case SINGLE_ROW -> List.of(cells(layout, context, selected, 0).row(0, List.of(), layout.fenPerUnit()));
            case UNITS -> units(layout, budget, context, selected);
            case PROCUREMENT -> budgetledger.disclosure.ProcurementTable.rows(layout, budget.procurement());
            default -> throw new IllegalStateException(layout.displayName() + ": kind " + layout.kind()
                    + " is not rendered from filters");
        };
    }

    /** The cells of one line or group of lines: each amount column from {@code first} on, by its filter. */
    private static FenCells cells(TableLayout layout, LineFilter.Context context, List<BudgetLine> lines, int first) {
        FenCells cells = new FenCells(layout.amountCount());
        for (BudgetLine line : lines) {
            for (int c = 0; c < layout.columnFilters().size(); c++) {
                if (layout.columnFilters().get(c).test(line, context)) {
                    cells.add(first + c, line.amountFen());
                }
            }
        }
        return cells;
    }

    private static List<TableRow> functional(TableLayout layout, CodeNames names, LineFilter.Context context,
                                             List<BudgetLine> lines) {
        FenCells total = new FenCells(layout.amountCount());
        // A 7-digit code sorts after its 5-digit 款 and 3-digit 类: the string order is the published order.
        Map<String, FenCells> byCode = new TreeMap<>();
        for (BudgetLine line : lines) {
            FenCells own = cells(layout, context, List.of(line), 0);
            total.addAll(own);
            String item = line.functionalCode();
            for (String code : List.of(item.substring(0, CLASS_DIGITS), item.substring(0, SECTION_DIGITS), item)) {
                byCode.computeIfAbsent(code, c -> new FenCells(layout.amountCount())).addAll(own);
            }
        }
        List<TableRow> rows = new ArrayList<>();
        byCode.forEach((code, cells) -> {
            if (!cells.isZero()) {
                FunctionalCode named = names.functional(code);
                rows.add(cells.row(level(code), codeLabels(layout, code, named.name()), layout.fenPerUnit()));
            }
        });
        return withTotal(layout, rows, total);
    }

    private static List<TableRow> economic(TableLayout layout, ClassificationCatalogue catalogue,
                                           LineFilter.Context context, List<BudgetLine> lines) {
        FenCells total = new FenCells(layout.amountCount());
        Map<String, FenCells> byCode = new TreeMap<>();
        for (BudgetLine line : lines) {
            if (line.deptEconomicCode() == null) {
                throw new IllegalStateException("line " + line.lineId() + ": " + layout.displayName()
                        + " takes lines with a 部门经济分类 item");
            }
            FenCells own = cells(layout, context, List.of(line), 0);
            total.addAll(own);
            String item = line.deptEconomicCode();
            for (String code : List.of(item.substring(0, CLASS_DIGITS), item)) {
                byCode.computeIfAbsent(code, c -> new FenCells(layout.amountCount())).addAll(own);
            }
        }
        List<TableRow> rows = new ArrayList<>();
        byCode.forEach((code, cells) -> {
            if (!cells.isZero()) {
                String name = code.length() == CLASS_DIGITS
                        ? catalogue.deptEconomicClassName(code).orElse(code)
                        : catalogue.deptEconomic(code).map(EconomicItem::name).orElse(code);
                rows.add(cells.row(code.length() == CLASS_DIGITS ? 1 : 2, codeLabels(layout, code, name),
                        layout.fenPerUnit()));
            }
        });
        return withTotal(layout, rows, total);
    }

    /**
     * Income beside expenditure, kept as two lists of half rows (the income half with the expenditure labels
     * blank, and the other way round), because which income row a 类 happens to be printed beside means nothing:
     * the income rows of the template, then expenditure by 类 (一、公共安全支出 …), then 收入总计 and 支出总计.
     */
    private static List<TableRow> paired(TableLayout layout, CodeNames names, LineFilter.Context context,
                                         List<BudgetLine> all, List<BudgetLine> selected) {
        long unit = layout.fenPerUnit();
        List<TableRow> rows = new ArrayList<>();
        for (TableLayout.IncomeRow income : layout.incomeRows()) {
            FenCells cells = new FenCells(layout.amountCount());
            for (BudgetLine line : selected) {
                if (income.filter().test(line, context)) {
                    cells.add(0, line.amountFen());
                }
            }
            rows.add(cells.row(income.level(), List.of(income.label(), ""), unit));
        }
        Map<String, List<BudgetLine>> byClass = new TreeMap<>();
        for (BudgetLine line : selected) {
            byClass.computeIfAbsent(line.functionalCode().substring(0, CLASS_DIGITS), c -> new ArrayList<>()).add(line);
        }
        for (TableLayout.IncomeRow outgo : layout.outgoRows()) {
            List<BudgetLine> counted = selected.stream().filter(outgo.filter().in(context)).toList();
            rows.add(cells(layout, context, counted, 1).row(outgo.level(), List.of("", outgo.label()), unit));
        }
        int ordinal = 0;
        for (Map.Entry<String, List<BudgetLine>> entry : byClass.entrySet()) {
            FenCells cells = cells(layout, context, entry.getValue(), 1);
            if (!cells.isZero()) {
                ordinal++;
                rows.add(cells.row(layout.classLevel(), List.of("", ChineseNumerals.ordinal(ordinal)
                        + names.functional(entry.getKey()).name()), unit));
            }
        }
        for (TableLayout.TotalRow total : layout.totalRows()) {
            List<BudgetLine> counted = selected.stream().filter(total.filter().in(context)).toList();
            FenCells income = new FenCells(layout.amountCount());
            counted.forEach(line -> income.add(0, line.amountFen()));
            rows.add(income.row(0, List.of(total.incomeLabel(), ""), unit));
            rows.add(cells(layout, context, counted, 1).row(0, List.of("", total.expenditureLabel()), unit));
        }
        return rows;
    }

    /** 合计, the department, then each of its units, each with its lines by column. */
    private static List<TableRow> units(TableLayout layout, BudgetHeader budget, LineFilter.Context context,
                                        List<BudgetLine> lines) {
        long unit = layout.fenPerUnit();
        List<TableRow> rows = new ArrayList<>();
        FenCells total = cells(layout, context, lines, 0);
        rows.add(total.row(0, List.of("合计", ""), unit));
        rows.add(total.row(1, List.of(budget.departmentCode(), budget.departmentName()), unit));
        for (budgetledger.model.BudgetUnit u : budget.units()) {
            List<BudgetLine> own = lines.stream().filter(l -> l.unitCode().equals(u.code())).toList();
            FenCells cells = cells(layout, context, own, 0);
            if (!cells.isZero()) {
                rows.add(cells.row(2, List.of(u.code(), u.name()), unit));
            }
        }
        return rows;
    }

    /** The label cells of a coded row: its code split over the code cells (204 | 06 | 01), then its name. */
    private static List<String> codeLabels(TableLayout layout, String code, String name) {
        List<String> labels = new ArrayList<>(Collections.nCopies(layout.labelColumns().size(), ""));
        if (layout.codeCells() <= 1) {
            labels.set(0, code);
        } else {
            int[] widths = {CLASS_DIGITS, 2, 2};
            int at = 0;
            for (int c = 0; c < layout.codeCells() && at < code.length(); c++) {
                labels.set(c, code.substring(at, Math.min(code.length(), at + widths[c])));
                at += widths[c];
            }
        }
        labels.set(Math.max(1, layout.codeCells()), name);
        return List.copyOf(labels);
    }

    private static List<TableRow> withTotal(TableLayout layout, List<TableRow> rows, FenCells total) {
        List<String> labels = new ArrayList<>(Collections.nCopies(layout.labelColumns().size(), ""));
        labels.set(0, "合计");
        TableRow totalRow = total.row(0, labels, layout.fenPerUnit());
        List<TableRow> result = new ArrayList<>(rows.size() + 1);
        if (!layout.totalAtBottom()) {
            result.add(totalRow);
        }
        result.addAll(rows);
        if (layout.totalAtBottom()) {
            result.add(totalRow);
        }
        return result;
    }

    private static int level(String code) {
        return switch (code.length()) {
            case CLASS_DIGITS -> 1;
            case SECTION_DIGITS -> 2;
            default -> 3;
        };
    }
}
