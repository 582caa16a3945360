package budgetledger.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationCatalogueTest {

    final ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(2026);

    @Test
    void every_functional_code_of_the_2026_seed_is_known_with_its_official_name() {
        Map<String, String> seed = Map.ofEntries(
                Map.entry("201", "一般公共服务支出"), Map.entry("20103", "政府办公厅（室）及相关机构事务"),
                Map.entry("2010306", "政务公开审批"), Map.entry("2010350", "事业运行"),
                Map.entry("2010399", "其他政府办公厅（室）及相关机构事务支出"), Map.entry("205", "教育支出"),
                Map.entry("20599", "其他教育支出"), Map.entry("2059999", "其他教育支出"),
                Map.entry("208", "社会保障和就业支出"), Map.entry("20805", "行政事业单位养老支出"),
                Map.entry("2080501", "行政单位离退休"), Map.entry("2080502", "事业单位离退休"),
                Map.entry("2080505", "机关事业单位基本养老保险缴费支出"), Map.entry("2080506", "机关事业单位职业年金缴费支出"),
                Map.entry("210", "卫生健康支出"), Map.entry("21007", "计划生育事务"),
                Map.entry("2100799", "其他计划生育事务支出"), Map.entry("21011", "行政事业单位医疗"),
                Map.entry("2101101", "行政单位医疗"), Map.entry("2101102", "事业单位医疗"),
                Map.entry("2101103", "公务员医疗补助"), Map.entry("221", "住房保障支出"),
                Map.entry("22102", "住房改革支出"), Map.entry("2210201", "住房公积金"));
        seed.forEach((code, name) ->
                assertThat(catalogue.functional(code)).as(code).map(FunctionalCode::name).contains(name));
    }

    @Test
    void the_catalogue_holds_the_thirty_classes_of_the_summary_table_in_code_order() {
        List<FunctionalCode> classes = catalogue.functionalCodes().stream()
                .filter(c -> c.level() == FunctionalCode.Level.CLASS).toList();
        assertThat(classes).hasSize(30);
        assertThat(classes.get(0).name()).isEqualTo("一般公共服务支出");
        assertThat(classes.get(19).name()).isEqualTo("住房保障支出");
        assertThat(classes.get(29).name()).isEqualTo("抗疫特别国债安排的支出");
    }

    @Test
    void every_economic_pair_of_the_seed_table_6_maps_department_to_government_item() {
        // department item, government item name, as table 6 of the seed pairs them
        String[][] pairs = {
                {"30101", "工资奖金津补贴"}, {"30101", "工资福利支出"}, {"30102", "工资奖金津补贴"},
                {"30102", "工资福利支出"}, {"30103", "工资奖金津补贴"}, {"30107", "工资福利支出"},
                {"30108", "社会保障缴费"}, {"30108", "工资福利支出"}, {"30109", "社会保障缴费"},
                {"30110", "社会保障缴费"}, {"30111", "社会保障缴费"}, {"30112", "社会保障缴费"},
                {"30113", "住房公积金"}, {"30113", "工资福利支出"}, {"30199", "其他工资福利支出"},
                {"30201", "办公经费"}, {"30201", "商品和服务支出"}, {"30217", "公务接待费"},
                {"30228", "办公经费"}, {"30228", "商品和服务支出"}, {"30231", "公务用车运行维护费"},
                {"30239", "办公经费"}, {"30239", "商品和服务支出"}, {"30299", "其他商品和服务支出"},
                {"30299", "商品和服务支出"}, {"30302", "离退休费"}, {"30309", "社会福利和救助"}};
        for (String[] pair : pairs) {
            EconomicItem item = catalogue.deptEconomic(pair[0]).orElseThrow();
            boolean mapped = catalogue.govEconomicName(item.govCodeAdministrative()).orElseThrow().equals(pair[1])
                    || catalogue.govEconomicName(item.govCodeInstitution()).orElseThrow().equals(pair[1]);
            assertThat(mapped).as(pair[0] + " " + item.name() + " ↔ " + pair[1]).isTrue();
        }
    }

    @Test
    void the_three_public_expense_items_are_marked() {
        assertThat(catalogue.deptEconomic("30212").orElseThrow().threePublic()).isEqualTo(ThreePublicExpense.TRAVEL_ABROAD);
        assertThat(catalogue.deptEconomic("30217").orElseThrow().threePublic()).isEqualTo(ThreePublicExpense.RECEPTION);
        assertThat(catalogue.deptEconomic("30231").orElseThrow().threePublic()).isEqualTo(ThreePublicExpense.VEHICLE_OPERATION);
        assertThat(catalogue.deptEconomic("31013").orElseThrow().threePublic()).isEqualTo(ThreePublicExpense.VEHICLE_PURCHASE);
        assertThat(catalogue.deptEconomic("30201").orElseThrow().threePublic()).isNull();
    }

    @Test
    void a_year_uses_the_newest_edition_not_later_than_itself() {
        assertThat(ClassificationCatalogue.forYear(2027).edition()).isEqualTo(2026);
        assertThat(ClassificationCatalogue.forYear(2025).edition()).isEqualTo(2026);
        // a department's earlier documents (back to 2019) are read with the 2026 edition; before that none applies
        assertThat(ClassificationCatalogue.forYear(2023).edition()).isEqualTo(2026);
        assertThat(ClassificationCatalogue.covers(2019)).isTrue();
        assertThat(ClassificationCatalogue.covers(2018)).isFalse();
    }
}
