package budgetledger.query.yoy;

import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.UnitType;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static budgetledger.model.ExpenditureKind.BASIC_PERSONNEL;
import static budgetledger.model.ExpenditureKind.BASIC_PUBLIC_USE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two years of one department: 2010301 and 2010350 in both (each up 0.01 万元), 2080505 in 2025 only, 2101101 in
 * 2026 only. One row string per row: level|code|name|last|this|delta|percent|presence.
 */
class YearOverYearTest {

    static final BudgetUnit BUREAU = new BudgetUnit("901001", "示例局（本级）", UnitType.ADMINISTRATIVE);
    static final BudgetRow Y2025 = budget(2025, Map.of(BudgetSubject.TOTAL, 2_000_000_000L));
    static final BudgetRow Y2026 = budget(2026, Map.of(BudgetSubject.TOTAL, 2_000_000_000L,
            BudgetSubject.PERSONNEL_EXPENSES, 800_000L));

    static BudgetRow budget(int year, Map<BudgetSubject, Long> prior) {
        return new BudgetRow("901-" + year, "901", "示例局", year, List.of(BUREAU), prior, Map.of());
    }

    static BudgetLineRow line(BudgetRow budget, int n, String functional, ExpenditureKind kind, String dept,
                              String gov, long fen) {
        return new BudgetLineRow(budget.budgetId(), "L" + n, BUREAU.code(), functional, kind, dept, gov,
                FundingSource.GENERAL_PUBLIC, Origin.CURRENT_YEAR, null, fen, fen, n);
    }

    static final List<BudgetLineRow> LINES_2025 = List.of(
            line(Y2025, 1, "2010301", BASIC_PERSONNEL, "30101", "50101", 3_000_000),
            line(Y2025, 2, "2010350", BASIC_PUBLIC_USE, "30201", "50201", 8_000_000),
            line(Y2025, 3, "2080505", BASIC_PERSONNEL, "30108", "50102", 10_000_000));
    static final List<BudgetLineRow> LINES_2026 = List.of(
            line(Y2026, 1, "2010301", BASIC_PERSONNEL, "30101", "50101", 3_010_000),
            line(Y2026, 2, "2010350", BASIC_PUBLIC_USE, "30201", "50201", 8_010_000),
            line(Y2026, 3, "2101101", BASIC_PERSONNEL, "30110", "50102", 5_000_000));

    static List<String> compare(Dimension dimension, Level level) {
        return rows(YearOverYear.compare(
                Grouping.of(dimension, level, Y2026, LINES_2026, SubjectFigures.of(Y2026, LINES_2026, Map.of())),
                Grouping.of(dimension, level, Y2025, LINES_2025, SubjectFigures.of(Y2025, LINES_2025, Map.of()))));
    }

    static List<String> rows(List<DeltaRow> rows) {
        List<String> text = new ArrayList<>();
        for (DeltaRow r : rows) {
            text.add(r.level() + "|" + r.code() + "|" + r.name() + "|" + r.lastYearWanYuan() + "|"
                    + r.thisYearWanYuan() + "|" + r.deltaWanYuan() + "|" + r.percent() + "|" + r.presence());
        }
        return text;
    }

    @Test
    void by_functional_class_rows_of_one_year_only_are_flagged() {
        assertThat(compare(Dimension.FUNCTIONAL, Level.CLASS)).containsExactly(
                "0||合计|21.00|16.02|-4.98|-23.71|BOTH",
                "1|201|一般公共服务支出|11.00|11.02|0.02|0.18|BOTH",
                "1|208|社会保障和就业支出|10.00|null|-10.00|-100.00|LAST_YEAR_ONLY",
                "1|210|卫生健康支出|null|5.00|5.00|null|THIS_YEAR_ONLY");
    }

    @Test
    void by_functional_section_and_item_parents_come_before_their_children() {
        assertThat(compare(Dimension.FUNCTIONAL, Level.SECTION)).extracting(r -> r.split("\\|")[1])
                .containsExactly("", "201", "20103", "208", "20805", "210", "21011");
        assertThat(compare(Dimension.FUNCTIONAL, Level.ITEM)).contains(
                "3|2010301|行政运行|3.00|3.01|0.01|0.33|BOTH",
                "3|2010350|事业运行|8.00|8.01|0.01|0.13|BOTH",
                "3|2080505|机关事业单位基本养老保险缴费支出|10.00|null|-10.00|-100.00|LAST_YEAR_ONLY",
                "3|2101101|行政单位医疗|null|5.00|5.00|null|THIS_YEAR_ONLY");
    }

    @Test
    void by_economic_item_department_and_government() {
        assertThat(compare(Dimension.ECONOMIC, Level.ITEM)).containsExactly(
                "0||合计|21.00|16.02|-4.98|-23.71|BOTH",
                "1|301|工资福利支出|13.00|8.01|-4.99|-38.38|BOTH",
                "2|30101|基本工资|3.00|3.01|0.01|0.33|BOTH",
                "2|30108|机关事业单位基本养老保险缴费|10.00|null|-10.00|-100.00|LAST_YEAR_ONLY",
                "2|30110|职工基本医疗保险缴费|null|5.00|5.00|null|THIS_YEAR_ONLY",
                "1|302|商品和服务支出|8.00|8.01|0.01|0.13|BOTH",
                "2|30201|办公费|8.00|8.01|0.01|0.13|BOTH");
        assertThat(compare(Dimension.GOV_ECONOMIC, Level.CLASS)).containsExactly(
                "0||合计|21.00|16.02|-4.98|-23.71|BOTH",
                "1|501|机关工资福利支出|13.00|8.01|-4.99|-38.38|BOTH",
                "1|502|机关商品和服务支出|8.00|8.01|0.01|0.13|BOTH");
    }

    @Test
    void by_kind_basic_splits_into_personnel_and_public_use() {
        assertThat(compare(Dimension.KIND, null)).containsExactly(
                "0||合计|21.00|16.02|-4.98|-23.71|BOTH",
                "1|BASIC|基本支出|21.00|16.02|-4.98|-23.71|BOTH",
                "2|BASIC_PERSONNEL|人员经费|13.00|8.01|-4.99|-38.38|BOTH",
                "2|BASIC_PUBLIC_USE|公用经费|8.00|8.01|0.01|0.13|BOTH",
                "1|PROJECT|项目支出|0.00|0.00|0.00|null|BOTH");
    }

    @Test
    void against_prior_figures_only_subjects_with_a_figure_compare_and_other_rows_are_flagged() {
        List<DeltaRow> byKind = YearOverYear.againstPrior(Grouping.of(Dimension.KIND, Level.ITEM, Y2026, LINES_2026,
                Map.of()), Y2026.priorYearFigures(), false);
        assertThat(rows(byKind)).containsExactly(
                "0||合计|2000.00|16.02|-1983.98|-99.20|BOTH",
                "1|BASIC|基本支出|null|16.02|null|null|NO_PRIOR_DATA",
                "2|BASIC_PERSONNEL|人员经费|0.80|8.01|7.21|901.25|BOTH",
                "2|BASIC_PUBLIC_USE|公用经费|null|8.01|null|null|NO_PRIOR_DATA",
                "1|PROJECT|项目支出|null|0.00|null|null|NO_PRIOR_DATA");
        List<DeltaRow> bySubject = YearOverYear.againstPrior(Grouping.of(Dimension.SUBJECT, Level.ITEM, Y2026,
                LINES_2026, SubjectFigures.of(Y2026, LINES_2026, Map.of())), Y2026.priorYearFigures(), true);
        assertThat(rows(bySubject)).containsExactly(
                "1|TOTAL|收支总计|2000.00|16.02|-1983.98|-99.20|BOTH",
                "1|PERSONNEL_EXPENSES|人员经费|0.80|8.01|7.21|901.25|BOTH");
    }

    @Test
    void by_unit_project_source_three_public_and_agency_operating_cost() {
        BudgetUnit centre = new BudgetUnit("901002", "示例中心", UnitType.PUBLIC_INSTITUTION);
        BudgetRow last = new BudgetRow("901-2025", "901", "示例局", 2025, List.of(BUREAU, centre), Map.of(), Map.of());
        BudgetRow now = new BudgetRow("901-2026", "901", "示例局", 2026, List.of(BUREAU, centre), Map.of(), Map.of());
        List<BudgetLineRow> lastLines = List.of(
                new BudgetLineRow("901-2025", "L1", "901001", "2010301", BASIC_PUBLIC_USE, "30217", "50206",
                        FundingSource.GENERAL_PUBLIC, Origin.CURRENT_YEAR, null, 3_000_000, 3_000_000, 1),
                new BudgetLineRow("901-2025", "L2", "901002", "2010350", ExpenditureKind.PROJECT, null, null,
                        FundingSource.UNIT_OWN, Origin.CURRENT_YEAR, "云桌面服务费", 80_000_000, 80_000_000, 2));
        List<BudgetLineRow> nowLines = List.of(
                new BudgetLineRow("901-2026", "L1", "901001", "2010301", BASIC_PUBLIC_USE, "30217", "50206",
                        FundingSource.GENERAL_PUBLIC, Origin.CURRENT_YEAR, null, 2_000_000, 2_000_000, 1),
                new BudgetLineRow("901-2026", "L2", "901002", "2010350", ExpenditureKind.PROJECT, null, null,
                        FundingSource.UNIT_OWN, Origin.CURRENT_YEAR, "窗口运行经费", 50_000_000, 50_000_000, 2));
        java.util.function.Function<Dimension, List<String>> compare = dimension -> rows(YearOverYear.compare(
                Grouping.of(dimension, Level.ITEM, now, nowLines, Map.of()),
                Grouping.of(dimension, Level.ITEM, last, lastLines, Map.of())));
        assertThat(compare.apply(Dimension.UNIT)).containsExactly(
                "0||合计|83.00|52.00|-31.00|-37.35|BOTH",
                "1|901001|示例局（本级）|3.00|2.00|-1.00|-33.33|BOTH",
                "1|901002|示例中心|80.00|50.00|-30.00|-37.50|BOTH");
        assertThat(compare.apply(Dimension.PROJECT)).containsExactly(
                "0||合计|80.00|50.00|-30.00|-37.50|BOTH",
                "1|901002|示例中心|80.00|50.00|-30.00|-37.50|BOTH",
                "2|901002|云桌面服务费|80.00|null|-80.00|-100.00|LAST_YEAR_ONLY",
                "2|901002|窗口运行经费|null|50.00|50.00|null|THIS_YEAR_ONLY");
        assertThat(compare.apply(Dimension.SOURCE)).containsExactly(
                "0||合计|83.00|52.00|-31.00|-37.35|BOTH",
                "1|GENERAL_PUBLIC|一般公共预算|3.00|2.00|-1.00|-33.33|BOTH",
                "1|UNIT_OWN|单位资金|80.00|50.00|-30.00|-37.50|BOTH");
        assertThat(compare.apply(Dimension.THREE_PUBLIC)).containsExactly(
                "0||合计|3.00|2.00|-1.00|-33.33|BOTH",
                "1|TRAVEL_ABROAD|因公出国（境）费|0.00|0.00|0.00|null|BOTH",
                "1|RECEPTION|公务接待费|3.00|2.00|-1.00|-33.33|BOTH",
                "1|VEHICLE_TOTAL|公务用车购置及运行费|0.00|0.00|0.00|null|BOTH",
                "2|VEHICLE_PURCHASE|公务用车购置费|0.00|0.00|0.00|null|BOTH",
                "2|VEHICLE_OPERATION|公务用车运行维护费|0.00|0.00|0.00|null|BOTH");
        assertThat(compare.apply(Dimension.AGENCY_OPERATING_COST)).containsExactly(
                "0||合计|3.00|2.00|-1.00|-33.33|BOTH",
                "1|901001|示例局（本级）|3.00|2.00|-1.00|-33.33|BOTH");
    }

    @Test
    void percentages_round_half_up_from_exact_fen() {
        assertThat(Percent.change(8_000_000, 8_010_000)).isEqualByComparingTo(new BigDecimal("0.13"));
        assertThat(Percent.change(8_000_000, 7_990_000)).isEqualByComparingTo(new BigDecimal("-0.13"));
        assertThat(Percent.change(3_000_000, 3_010_000)).isEqualByComparingTo(new BigDecimal("0.33"));
        assertThat(Percent.change(0, 1)).isNull();
        assertThat(Percent.share(2_723_730_000L, 4_294_010_000L)).isEqualByComparingTo(new BigDecimal("63.43"));
    }

    @Test
    void csv_has_a_header_and_blank_cells_where_a_year_has_no_figure() {
        String csv = YearOverYearCsv.write(new YearOverYear.Report("901-2026", "901-2025", 2026, 2025,
                Dimension.FUNCTIONAL, Level.CLASS, YearOverYear.compare(
                Grouping.of(Dimension.FUNCTIONAL, Level.CLASS, Y2026, LINES_2026, Map.of()),
                Grouping.of(Dimension.FUNCTIONAL, Level.CLASS, Y2025, LINES_2025, Map.of()))));
        assertThat(csv.split("\r\n")).containsExactly(
                "层级,编码,名称,上年数,本年数,增减额,增减率(%),说明",
                "0,,合计,21.00,16.02,-4.98,-23.71,",
                "1,201,一般公共服务支出,11.00,11.02,0.02,0.18,",
                "1,208,社会保障和就业支出,10.00,,-10.00,-100.00,仅上年有",
                "1,210,卫生健康支出,,5.00,5.00,,仅本年有");
    }
}
