package budgetledger.disclosure.tables;

import budgetledger.model.BudgetUnit;
import budgetledger.model.FundingSource;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables 12 and 13 项目支出预算表: the department (level 0), each unit that has projects (level 1, in the budget's
 * unit order) and its projects (level 2, in the order their first line was recorded), one column per source.
 */
final class ProjectRows {

    private ProjectRows() {
    }

    /**
     * @param projectLines the project lines the table covers, already selected; their sources are among
     *                     {@code sources}
     * @param sources      the funding sources of the amount columns after 合计, in column order
     */
    static List<TableRow> rows(String departmentName, List<BudgetUnit> units, List<BudgetLine> projectLines,
                               List<FundingSource> sources) {
        int columns = 1 + sources.size();
        FenCells department = new FenCells(columns);
        Map<String, FenCells> byUnit = new LinkedHashMap<>();
        // unit code → project name → cells; a LinkedHashMap keeps the order of the lines, which is recording order.
        Map<String, Map<String, FenCells>> byProject = new LinkedHashMap<>();
        for (BudgetLine line : projectLines) {
            int source = SourceColumns.indexOf(sources, line);
            FenCells lineCells = new FenCells(columns);
            lineCells.add(0, line.amountFen());
            lineCells.add(1 + source, line.amountFen());
            department.addAll(lineCells);
            byUnit.computeIfAbsent(line.unitCode(), u -> new FenCells(columns)).addAll(lineCells);
            byProject.computeIfAbsent(line.unitCode(), u -> new LinkedHashMap<>())
                    .computeIfAbsent(line.project(), p -> new FenCells(columns)).addAll(lineCells);
        }
        List<TableRow> rows = new ArrayList<>();
        rows.add(department.row(0, List.of(departmentName)));
        for (BudgetUnit unit : units) {
            FenCells unitCells = byUnit.get(unit.code());
            if (unitCells == null || unitCells.isZero()) {
                continue;
            }
            rows.add(unitCells.row(1, List.of(unit.name())));
            byProject.get(unit.code()).forEach((project, cells) -> {
                if (!cells.isZero()) {
                    rows.add(cells.row(2, List.of(project)));
                }
            });
        }
        return rows;
    }
}
