package budgetledger.disclosure.tables;

import budgetledger.model.Figures;
import budgetledger.model.FunctionalCode;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The rows of the two 收支总表 (table 1 预算收支总表 and table 4 财政拨款收支总表): a fixed form that pairs the
 * income rows (one per funding source) with one expenditure row per 支出功能分类 类 of the catalogue, every 类
 * listed even when it holds no money, then the closing rows. Income counts 当年 money; the 上年结转 income row
 * brings in carried-over money, so that 收入总计 equals 支出总计 (expenditure counts both origins).
 */
final class SummaryRows {

    private static final int INCOME = 0;

    private SummaryRows() {
    }

    /** Table 1: 收入金额, 支出合计, 当年预算安排, 上年结转安排; all lines. */
    static List<TableRow> budgetSummary(CodeNames names, List<BudgetLine> lines) {
        int columns = 4;
        BiConsumer<BudgetLine, FenCells> expenditure = (line, cells) -> {
            cells.add(1, line.amountFen());
            cells.add(Figures.isCurrentYear(line) ? 2 : 3, line.amountFen());
        };
        List<TableRow> rows = pairedRows(names, lines, columns, SourceColumns.ALL, expenditure);
        FenCells expenditureTotal = total(lines, columns, expenditure);

        rows.add(closing("本年收入合计", "本年支出合计", income(lines, Origin.CURRENT_YEAR, null), expenditureTotal));
        rows.add(closing("上年结转", "年终结转", income(lines, Origin.CARRIED_OVER, null), new FenCells(columns)));
        rows.add(closing("收入总计", "支出总计", income(lines, null, null), expenditureTotal));
        return rows;
    }

    /** Table 4: 收入金额, 支出小计, then one column per fiscal source; fiscal lines only. */
    static List<TableRow> fiscalSummary(CodeNames names, List<BudgetLine> fiscalLines) {
        int columns = 2 + SourceColumns.FISCAL.size();
        BiConsumer<BudgetLine, FenCells> expenditure = (line, cells) -> {
            cells.add(1, line.amountFen());
            cells.add(2 + SourceColumns.indexOf(SourceColumns.FISCAL, line), line.amountFen());
        };
        List<TableRow> rows = pairedRows(names, fiscalLines, columns, SourceColumns.FISCAL, expenditure);
        FenCells expenditureTotal = total(fiscalLines, columns, expenditure);

        rows.add(closing("本年收入合计", "本年支出合计", income(fiscalLines, Origin.CURRENT_YEAR, null),
                expenditureTotal));
        rows.add(closing("上年财政拨款结转", "年终结转", income(fiscalLines, Origin.CARRIED_OVER, null),
                new FenCells(columns)));
        for (int i = 0; i < SourceColumns.FISCAL.size(); i++) {
            FundingSource source = SourceColumns.FISCAL.get(i);
            FenCells cells = new FenCells(columns);
            cells.add(INCOME, income(fiscalLines, Origin.CARRIED_OVER, source));
            rows.add(cells.row(1, List.of(ChineseNumerals.ordinal(i + 1) + source.label(), "")));
        }
        rows.add(closing("收入总计", "支出总计", income(fiscalLines, null, null), expenditureTotal));
        return rows;
    }

    /** One row per 类: income of the i-th source (当年) on the first rows, the 类's expenditure on every row. */
    private static List<TableRow> pairedRows(CodeNames names, List<BudgetLine> lines,
                                             int columns, List<FundingSource> incomeSources,
                                             BiConsumer<BudgetLine, FenCells> expenditure) {
        List<FunctionalCode> classes = names.classes();
        if (classes.size() < incomeSources.size()) {
            throw new IllegalStateException("the " + names.edition() + " catalogue has " + classes.size()
                    + " 类, fewer than the " + incomeSources.size() + " income rows of the form");
        }
        Map<String, FenCells> byClass = new LinkedHashMap<>();
        classes.forEach(code -> byClass.put(code.code(), new FenCells(columns)));
        for (BudgetLine line : lines) {
            String classCode = line.functionalCode().substring(0, 3);
            FenCells cells = byClass.get(classCode);
            if (cells == null) {
                throw new IllegalStateException("line " + line.lineId() + ": 类 " + classCode
                        + " is not in the " + names.edition() + " classification catalogue");
            }
            expenditure.accept(line, cells);
        }
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            FunctionalCode classCode = classes.get(i);
            FenCells cells = byClass.get(classCode.code());
            String incomeLabel = "";
            if (i < incomeSources.size()) {
                FundingSource source = incomeSources.get(i);
                incomeLabel = ChineseNumerals.ordinal(i + 1) + source.label();
                cells.add(INCOME, income(lines, Origin.CURRENT_YEAR, source));
            }
            rows.add(cells.row(1, List.of(incomeLabel, ChineseNumerals.ordinal(i + 1) + classCode.name())));
        }
        return rows;
    }

    private static FenCells total(List<BudgetLine> lines, int columns,
                                  BiConsumer<BudgetLine, FenCells> expenditure) {
        FenCells cells = new FenCells(columns);
        lines.forEach(line -> expenditure.accept(line, cells));
        return cells;
    }

    /** Income in 分 of the lines of an origin and a source; null matches every origin or source. */
    private static long income(List<BudgetLine> lines, Origin origin, FundingSource source) {
        long fen = 0;
        for (BudgetLine line : lines) {
            if ((origin == null || line.origin() == origin) && (source == null || line.fundingSource() == source)) {
                fen = Math.addExact(fen, line.amountFen());
            }
        }
        return fen;
    }

    /** A closing row: income on the left, the given expenditure cells on the right. */
    private static TableRow closing(String incomeLabel, String expenditureLabel, long incomeFen,
                                    FenCells expenditure) {
        FenCells cells = new FenCells(expenditure.size());
        cells.addAll(expenditure);
        cells.add(INCOME, incomeFen);
        return cells.row(0, List.of(incomeLabel, expenditureLabel));
    }
}
