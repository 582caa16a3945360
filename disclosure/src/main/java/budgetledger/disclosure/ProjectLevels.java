package budgetledger.disclosure;

import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Levels of the rows of tables 12 and 13 (项目支出预算表), which print the department, its units and their projects
 * in one column of names with nothing to tell a unit from a project.
 *
 * <p>The rule: the first row is the department (level 0). The row after it is a unit (level 1): projects belong to
 * units. After that, a row is a unit when
 * <ol>
 *   <li>its name is a known unit name (the department's own name, a unit of table 11, a unit the 机构设置 text
 *       names), or</li>
 *   <li>the projects read since the last unit already add up to that unit's 合计 (within 尾差) and the row holds a
 *       non-zero amount.</li>
 * </ol>
 * Every other row is a project (level 2). Because project amounts are not negative, the running sum of a unit's
 * projects reaches the unit's amount only after its last project (or its last non-zero one), so rule 2 cannot close
 * a unit early on a correct table; a zero-amount row after that point stays with the unit above it. On a table that
 * does not add up the names still place the units, and the arithmetic check then reports the unit whose projects
 * do not add up instead of this rule guessing silently.
 */
final class ProjectLevels {

    /** A data row of table 12 or 13 before it has a level. */
    record Row(int line, List<String> labels, List<BigDecimal> amounts) {
    }

    private ProjectLevels() {
    }

    /** @param knownUnits known unit names, normalised with {@link TableLayout#normalise} */
    static List<TableRow> rows(List<Row> rows, Set<String> knownUnits) {
        List<TableRow> levelled = new ArrayList<>();
        BigDecimal unitAmount = Amounts.ZERO;
        List<BigDecimal> projectAmounts = new ArrayList<>();
        boolean unitClosed = false;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            BigDecimal amount = row.amounts().get(0);
            int level;
            if (i == 0) {
                level = 0;
            } else if (i == 1 || knownUnits.contains(TableLayout.normalise(row.labels().get(0)))) {
                level = 1;
            } else if (unitClosed && Amounts.orZero(amount).signum() != 0 && headsTheRowsBelow(rows, i, knownUnits)) {
                level = 1;
            } else {
                level = 2;
            }
            if (level == 1) {
                unitAmount = Amounts.orZero(amount);
                projectAmounts.clear();
                unitClosed = false;
            } else if (level == 2) {
                projectAmounts.add(amount);
                unitClosed = Amounts.withinRounding(unitAmount, projectAmounts);
            }
            levelled.add(new TableRow(level, row.labels(), row.amounts(), row.line()));
        }
        return levelled;
    }

    /**
     * Whether a row's amount is the sum of the rows after it, up to the next known unit, and more than rounding
     * alone could make: an unnamed unit heads its projects. Without this, a small project after a unit's projects that already add up (within 尾差) would be
     * taken for a unit.
     */
    private static boolean headsTheRowsBelow(List<Row> rows, int index, Set<String> knownUnits) {
        List<BigDecimal> below = new ArrayList<>();
        for (int j = index + 1; j < rows.size(); j++) {
            if (knownUnits.contains(TableLayout.normalise(rows.get(j).labels().get(0)))) {
                break;
            }
            below.add(rows.get(j).amounts().get(0));
        }
        BigDecimal amount = Amounts.orZero(rows.get(index).amounts().get(0));
        // An amount that rounding alone could make of nothing (0.01 over one 0.00 row) tells no unit from a project.
        BigDecimal indistinct = new BigDecimal("0.01").multiply(BigDecimal.valueOf(below.size() + 1L));
        return !below.isEmpty() && amount.compareTo(indistinct) > 0 && Amounts.withinRounding(amount, below);
    }
}
