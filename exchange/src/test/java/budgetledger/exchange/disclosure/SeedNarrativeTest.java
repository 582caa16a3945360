package budgetledger.exchange.disclosure;

import budgetledger.command.api.ImportDisclosure;
import budgetledger.disclosure.DisclosureParser;
import budgetledger.command.api.ImportDisclosure.ImportedLine;
import budgetledger.model.BudgetSubject;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.narrative.Explanation;
import budgetledger.query.narrative.Explanations;
import budgetledger.query.narrative.LastYear;
import budgetledger.query.narrative.Section;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The narrative of 第三部分 generated from the seed's reconstructed ledger, with the prior-year figures, reasons and
 * 政府采购 figures its import records, states the seed's figures in the seed's words.
 */
class SeedNarrativeTest {

    static Explanation explanation;

    @BeforeAll
    static void generate() {
        ImportDisclosure command = seedCommand();
        Map<BudgetSubject, Long> prior = new EnumMap<>(BudgetSubject.class);
        command.priorYearFigures().forEach(f -> prior.put(f.subject(), f.amountFen()));
        Map<BudgetSubject, String> reasons = new EnumMap<>(BudgetSubject.class);
        command.changeReasons().forEach(r -> reasons.put(r.subject(), r.reason()));
        Map<BudgetSubject, Long> current = new EnumMap<>(BudgetSubject.class);
        command.currentYearFigures().forEach(f -> current.put(f.subject(), f.amountFen()));
        BudgetRow budget = new BudgetRow(command.budgetId(), command.departmentCode(), command.departmentName(),
                command.fiscalYear(), command.units(), prior, reasons);
        List<BudgetLineRow> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            ImportedLine l = command.lines().get(i);
            lines.add(new BudgetLineRow(command.budgetId(), "L" + (i + 1), l.unitCode(), l.functionalCode(), l.kind(),
                    l.deptEconomicCode(), l.govEconomicCode(), l.fundingSource(), l.origin(), l.project(),
                    l.amountFen(), l.amountFen(), 0));
        }
        explanation = Explanations.generate(budget, lines, current, LastYear.of(prior, null, null),
                new BigDecimal("10"));
    }

    /** The one command that imports the bundled sample (the seed). */
    static ImportDisclosure seedCommand() {
        try (var in = SeedNarrativeTest.class.getClassLoader().getResourceAsStream("disclosures/sample-062-2026.txt")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return DisclosureImport.command(new DisclosureParser().parse(text), null, "sha", "import-1", false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_narrative_gives_prior_year_figures_and_reasons_and_this_years_procurement() {
        ImportDisclosure command = seedCommand();
        assertThat(command.priorYearFigures()).extracting(f -> f.subject() + "=" + f.amountFen()).contains(
                "TOTAL=4557360000", "THREE_PUBLIC_TOTAL=4950000", "RECEPTION=3000000",
                "AGENCY_OPERATING_COST=193590000");
        assertThat(command.changeReasons()).extracting(r -> r.subject() + ":" + r.reason())
                .contains("TOTAL:局机关预算总收入减少", "EXPENDITURE:局机关预算总支出减少");
        assertThat(command.currentYearFigures()).extracting(f -> f.subject() + "=" + f.amountFen()).containsExactly(
                "GOVERNMENT_PROCUREMENT=736140000", "PROCUREMENT_GOODS=94950000", "PROCUREMENT_WORKS=0",
                "PROCUREMENT_SERVICES=641190000");
    }

    static String section(String number) {
        return explanation.sections().stream().filter(s -> s.number().equals(number)).map(Section::text)
                .findFirst().orElseThrow();
    }

    @Test
    void section_one_states_the_total_and_its_change_with_the_recorded_reason() {
        assertThat(section("一")).isEqualTo("2026年度晋城市行政审批服务管理局预算收入总计4,294.01万元，其中：本年收入4,294.01万元，"
                + "上年结转0万元，比上年减少263.35万元，下降5.78%，主要原因是局机关预算总收入减少；本年部门预算支出总计4,294.01万元，"
                + "其中：本年预算安排4,294.01万元，上年结转0万元，比上年减少263.35万元，下降5.78%，主要原因是局机关预算总支出减少。");
    }

    @Test
    void sections_two_and_three_state_shares_of_the_total() {
        assertThat(section("二")).contains("预算收入4,294.01万元，主要包括一般公共预算拨款收入4,294.01万元，占100.00%；"
                + "政府性基金预算拨款收入0万元，占0%；");
        assertThat(section("三")).isEqualTo("2026年度晋城市行政审批服务管理局支出预算4294.01万元，其中："
                + "基本支出2723.73万元，占63.43%；项目支出1570.28万元，占36.57%。");
    }

    @Test
    void sections_four_and_five_state_the_classes() {
        assertThat(section("四")).contains("财政拨款收支总预算4,294.01万元。", "支出包括：一般公共服务支出3,487.06万元、"
                + "教育支出3.60万元、社会保障和就业支出413.21万元、卫生健康支出160.92万元、住房保障支出229.21万元。");
        // The seed states no reason for this change: the narrative says so rather than borrow another subject's.
        assertThat(section("五")).contains("一般公共预算当年支出4,294.01万元，比上年减少263.35万元，下降5.78%（未记录变动原因）。",
                "主要用于以下方面：一般公共服务支出3,487.06万元，占81.21%；教育支出3.60万元，占0.08%；"
                        + "社会保障和就业支出413.21万元，占9.62%；卫生健康支出160.92万元，占3.75%；住房保障支出229.21万元，占5.34%。");
    }

    @Test
    void section_six_states_personnel_and_public_use_expenses() {
        assertThat(section("六")).contains("一般公共预算安排基本支出2,723.73万元，其中：人员经费2,459.06万元，",
                "；公用经费264.67万元，主要包括：办公费、公务接待费、");
    }

    @Test
    void section_seven_compares_three_public_with_last_year_and_gives_the_recorded_reason() {
        assertThat(section("七")).isEqualTo("2026年晋城市行政审批服务管理局财政拨款安排的“三公”经费预算3.95万元，"
                + "比2025年减少1.00万元，下降20.20%，主要原因是局机关公务接待费减少1万元。其中：因公出国（境）费0万元，"
                + "与上年预算数相同；公务接待费2.00万元，比上年减少1.00万元，下降33.33%，主要原因是局机关公务接待费减少1万元；"
                + "公务用车购置及运行费1.95万元，与上年预算数相同；公务用车运行维护费1.95万元，与上年预算数相同；"
                + "公务用车购置费0万元，与上年预算数相同。");
    }

    @Test
    void sections_eight_and_nine_state_agency_operating_cost_and_procurement() {
        assertThat(section("八")).isEqualTo("本部门2026年所属1家行政单位、1家参公单位机关运行经费财政拨款预算204.08万元，"
                + "比2025年预算增加10.49万元，增长5.42%，主要原因是工资变动，福利费、工会经费增加。");
        assertThat(section("九")).isEqualTo("2026年晋城市行政审批服务管理局政府采购预算总额736.14万元。其中："
                + "政府采购货物预算94.95万元、政府采购工程预算0万元、政府采购服务预算641.19万元。");
    }

    @Test
    void the_one_change_without_a_reason_is_flagged_and_below_the_threshold_it_is_no_warning() {
        assertThat(explanation.sections()).filteredOn(s -> !s.flags().isEmpty()).extracting(Section::number)
                .containsExactly("五");
        assertThat(explanation.sections().get(4).flags())
                .containsExactly("一般公共预算当年支出：比上年减少263.35万元，未记录变动原因");
        assertThat(explanation.warnings()).isEmpty();
        assertThat(explanation.text()).startsWith("第三部分 2026年度部门预算情况说明\n\n一、部门预算收支数据变动情况及原因\n\n");
    }
}
