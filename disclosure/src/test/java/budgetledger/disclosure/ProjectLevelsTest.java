package budgetledger.disclosure;

import budgetledger.model.table.TableRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that tells unit rows from project rows in tables 12 and 13. */
class ProjectLevelsTest {

    @Test
    void aUnitClosesWhenItsProjectsAddUpToItsAmount() {
        // No name is known: only the arithmetic places the units. 130 = 50 + 50 + 30; the partial sum 100 ≠ 130.
        List<TableRow> rows = ProjectLevels.rows(List.of(
                row("部门", "210.00"),
                row("甲单位", "130.00"), row("项目一", "50.00"), row("项目二", "50.00"), row("项目三", "30.00"),
                row("乙单位", "80.00"), row("项目四", "80.00")), Set.of());

        assertThat(levels(rows)).containsExactly(0, 1, 2, 2, 2, 1, 2);
    }

    @Test
    void aZeroAmountRowAfterTheLastProjectStaysWithItsUnit() {
        List<TableRow> rows = ProjectLevels.rows(List.of(
                row("部门", "80.00"), row("甲单位", "80.00"), row("项目一", "80.00"), row("项目二", null),
                row("乙单位", null)), Set.of(TableLayout.normalise("乙单位")));

        assertThat(levels(rows)).containsExactly(0, 1, 2, 2, 1);
    }

    @Test
    void aKnownUnitNameStartsAUnitEvenWhenTheSumsDoNotCloseTheOneAbove() {
        // 甲单位 says 100 but its project 90: the arithmetic check reports that; the names still place 乙单位.
        List<TableRow> rows = ProjectLevels.rows(List.of(
                row("部门", "150.00"), row("甲单位", "100.00"), row("项目一", "90.00"),
                row("乙单位", "50.00"), row("项目二", "50.00")), Set.of("乙单位"));

        assertThat(levels(rows)).containsExactly(0, 1, 2, 1, 2);
    }

    @Test
    void roundingDifferencesStillCloseAUnit() {
        List<TableRow> rows = ProjectLevels.rows(List.of(
                row("部门", "100.01"), row("甲单位", "60.01"), row("项目一", "30.00"), row("项目二", "30.00"),
                row("乙单位", "40.00"), row("项目三", "40.00")), Set.of());

        assertThat(levels(rows)).containsExactly(0, 1, 2, 2, 1, 2);
    }

    private static ProjectLevels.Row row(String name, String amount) {
        List<BigDecimal> amounts = new ArrayList<>();
        amounts.add(amount == null ? null : new BigDecimal(amount));
        return new ProjectLevels.Row(1, List.of(name), amounts);
    }

    private static List<Integer> levels(List<TableRow> rows) {
        return rows.stream().map(TableRow::level).toList();
    }
}
