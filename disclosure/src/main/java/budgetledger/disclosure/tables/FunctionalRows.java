package budgetledger.disclosure.tables;

import budgetledger.model.FunctionalCode;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The 合计 row and the 支出功能分类 rows (类 / 款 / 项) of the tables that group lines by functional code
 * (tables 2, 3, 5, 7, 8, 9). Each line is posted to its 项 and to the 款 and 类 above it, so every row is the
 * exact sum of its lines, rounded on its own.
 */
final class FunctionalRows {

    private static final int CLASS_DIGITS = 3;
    private static final int SECTION_DIGITS = 5;

    private FunctionalRows() {
    }

    /**
     * @param lines       the lines the table covers, already selected
     * @param columns     the number of amount columns
     * @param posting     adds one line's amount to the cells it belongs to
     * @param totalLabels the label cells of the 合计 row
     * @param labels      the label cells of a functional row
     */
    static List<TableRow> rows(CodeNames names, List<BudgetLine> lines, int columns,
                               BiConsumer<BudgetLine, FenCells> posting, List<String> totalLabels,
                               Function<FunctionalCode, List<String>> labels) {
        FenCells total = new FenCells(columns);
        // A 7-digit code sorts after its 5-digit 款 and 3-digit 类 and before the next sibling, so the natural
        // string order of the map is the published order: each 类 followed by its 款, each 款 by its 项.
        Map<String, FenCells> byCode = new TreeMap<>();
        for (BudgetLine line : lines) {
            FenCells lineCells = new FenCells(columns);
            posting.accept(line, lineCells);
            total.addAll(lineCells);
            String item = line.functionalCode();
            for (String code : List.of(item.substring(0, CLASS_DIGITS), item.substring(0, SECTION_DIGITS), item)) {
                byCode.computeIfAbsent(code, c -> new FenCells(columns)).addAll(lineCells);
            }
        }
        List<TableRow> rows = new ArrayList<>();
        rows.add(total.row(0, totalLabels));
        byCode.forEach((code, cells) -> {
            if (!cells.isZero()) {
                rows.add(cells.row(level(code), labels.apply(names.functional(code))));
            }
        });
        return rows;
    }

    /** 科目编码, 科目名称: the label cells most functional tables use. */
    static List<String> codeAndName(FunctionalCode code) {
        return List.of(code.code(), code.name());
    }

    private static int level(String code) {
        return switch (code.length()) {
            case CLASS_DIGITS -> 1;
            case SECTION_DIGITS -> 2;
            default -> 3;
        };
    }

}
