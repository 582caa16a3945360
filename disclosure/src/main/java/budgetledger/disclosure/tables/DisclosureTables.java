package budgetledger.disclosure.tables;

import budgetledger.model.Figures;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.FunctionalCode;
import budgetledger.model.FundingSource;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetLine;
import budgetledger.disclosure.TableLayout;
import budgetledger.disclosure.BudgetHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Renders the thirteen tables of a 部门预算公开 from the ledger's lines, as docs/TABLES.md lays them out. Pure:
 * no Spring, no database; the same budget and lines always give the same tables. Each table selects the lines it
 * covers here, and a row builder sums them in exact 分 and rounds each cell on its own.
 */
public final class DisclosureTables {

    /** The number of tables of the seed's template. */
    public static final int COUNT = TableLayout.COUNT;

    private static final List<String> TOTAL_CODE_NAME = List.of("合计", "");

    private DisclosureTables() {
    }

    /** The table numbered {@code tableNumber} of the budget's template (from 1). */
    public static DisclosureTable render(int tableNumber, BudgetHeader budget, List<BudgetLine> lines) {
        TableLayout heading = budget.template().table(tableNumber);
        checkLines(budget, lines);
        return renderChecked(heading, budget, lines);
    }

    /** Every table of the budget's template, in order. */
    public static List<DisclosureTable> renderAll(BudgetHeader budget, List<BudgetLine> lines) {
        checkLines(budget, lines);
        List<DisclosureTable> tables = new ArrayList<>();
        for (TableLayout layout : budget.template().tables()) {
            tables.add(renderChecked(layout, budget, lines));
        }
        return tables;
    }

    private static DisclosureTable renderChecked(TableLayout heading, BudgetHeader budget, List<BudgetLine> lines) {
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(budget.fiscalYear());
        CodeNames names = new CodeNames(catalogue, budget.documentNames());
        if (heading.filtered()) {
            return new DisclosureTable(heading.number(), heading.title(), heading.labelColumns(),
                    heading.amountColumns(), List.copyOf(TemplateTables.rows(heading, budget, names, catalogue, lines)));
        }
        int columns = heading.amountCount();
        List<TableRow> rows = switch (heading.number()) {
            case 1 -> SummaryRows.budgetSummary(names, lines);
            case 2 -> FunctionalRows.rows(names, lines, columns, DisclosureTables::postIncome,
                    TOTAL_CODE_NAME, FunctionalRows::codeAndName);
            case 3 -> FunctionalRows.rows(names, lines, columns, DisclosureTables::postBasicOrProject,
                    TOTAL_CODE_NAME, FunctionalRows::codeAndName);
            case 4 -> SummaryRows.fiscalSummary(names, select(lines, Figures::isFiscal));
            case 5 -> FunctionalRows.rows(names, currentOf(lines, FundingSource.GENERAL_PUBLIC), columns,
                    DisclosureTables::postBasicOrProject, TOTAL_CODE_NAME, FunctionalRows::codeAndName);
            case 6 -> EconomicRows.rows(catalogue, select(currentOf(lines, FundingSource.GENERAL_PUBLIC),
                    Figures::isBasic));
            case 7 -> FunctionalRows.rows(names, currentOf(lines, FundingSource.GOVERNMENT_FUND), columns,
                    (line, cells) -> cells.add(0, line.amountFen()), TOTAL_CODE_NAME, FunctionalRows::codeAndName);
            case 8 -> FunctionalRows.rows(names, currentOf(lines, FundingSource.GOVERNMENT_FUND), columns,
                    DisclosureTables::postBasicOrProject, TOTAL_CODE_NAME, FunctionalRows::codeAndName);
            case 9 -> FunctionalRows.rows(names, currentOf(lines, FundingSource.STATE_CAPITAL), columns,
                    DisclosureTables::postStateCapital, List.of("合计", "", "", ""),
                    code -> List.of(code.code(), code.name(), code.code(), code.name()));
            case 10 -> ThreePublicRows.rows(catalogue, select(lines, Figures::isFiscalCurrent));
            case 11 -> AgencyOperatingCostRows.rows(budget.units(), select(lines, Figures::isFiscalCurrentPublicUse));
            case 12 -> ProjectRows.rows(budget.departmentName(), budget.units(),
                    select(lines, line -> Figures.isProject(line) && Figures.isCurrentYear(line)), SourceColumns.ALL);
            case 13 -> ProjectRows.rows(budget.departmentName(), budget.units(),
                    select(lines, line -> Figures.isProject(line) && !Figures.isCurrentYear(line)
                            && Figures.isFiscal(line)), SourceColumns.FISCAL);
            default -> throw new IllegalArgumentException("no table " + heading.number());
        };
        return new DisclosureTable(heading.number(), heading.title(), heading.labelColumns(),
                heading.amountColumns(), List.copyOf(rows));
    }

    /** Table 2: 合计 and one column per source for 当年 money; 上年结转 (last column) for carried-over money. */
    private static void postIncome(BudgetLine line, FenCells cells) {
        if (Figures.isCurrentYear(line)) {
            cells.add(0, line.amountFen());
            cells.add(1 + SourceColumns.indexOf(SourceColumns.ALL, line), line.amountFen());
        } else {
            cells.add(1 + SourceColumns.ALL.size(), line.amountFen());
        }
    }

    /** Tables 3, 5, 8: 合计, 基本支出, 项目支出. */
    private static void postBasicOrProject(BudgetLine line, FenCells cells) {
        cells.add(0, line.amountFen());
        cells.add(Figures.isBasic(line) ? 1 : 2, line.amountFen());
    }

    /** Table 9: the income column, then 合计, 基本支出, 项目支出 of the same lines. */
    private static void postStateCapital(BudgetLine line, FenCells cells) {
        cells.add(0, line.amountFen());
        cells.add(1, line.amountFen());
        cells.add(Figures.isBasic(line) ? 2 : 3, line.amountFen());
    }

    private static List<BudgetLine> currentOf(List<BudgetLine> lines, FundingSource source) {
        return select(lines, line -> Figures.isCurrentOf(line, source));
    }

    private static List<BudgetLine> select(List<BudgetLine> lines, Predicate<BudgetLine> covered) {
        return lines.stream().filter(covered).toList();
    }


    /**
     * The invariants the ledger keeps for every line, checked because every table relies on them: the line is of
     * a registered unit, sits on a 7-digit 项, has its dimensions, and is never below zero.
     */
    private static void checkLines(BudgetHeader budget, List<BudgetLine> lines) {
        Set<String> units = budget.units().stream().map(BudgetUnit::code).collect(Collectors.toSet());
        for (BudgetLine line : lines) {
            String problem = null;
            if (!units.contains(line.unitCode())) {
                problem = "unit " + line.unitCode() + " is not registered with the budget";
            } else if (!FunctionalCode.isWellFormedItem(line.functionalCode())) {
                problem = "functional code " + line.functionalCode() + " is not a 7-digit 项";
            } else if (line.kind() == null || line.fundingSource() == null || line.origin() == null) {
                problem = "kind, funding source and origin are required";
            } else if (Figures.isProject(line) && line.project() == null) {
                problem = "a project line names its project";
            } else if (line.amountFen() < 0) {
                problem = "amount " + line.amountFen() + " 分 is below zero";
            }
            if (problem != null) {
                throw new IllegalArgumentException("line " + line.lineId() + ": " + problem);
            }
        }
    }
}
