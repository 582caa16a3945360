package budgetledger.disclosure;

import budgetledger.model.table.DisclosureTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static budgetledger.disclosure.Disclosures.cells;
import static org.assertj.core.api.Assertions.assertThat;

/** The one real document: every table found by its title, cells and levels as published, narrative figures. */
class SeedDisclosureTest {

    private static DisclosureDocument document;

    @BeforeAll
    static void parse() {
        document = new DisclosureParser().parse(Disclosures.text(Disclosures.SEED));
    }

    @Test
    void readsTheDepartmentItsCodeAndTheYear() {
        assertThat(document.departmentName()).isEqualTo("晋城市行政审批服务管理局");
        assertThat(document.departmentCode()).isEqualTo("062");
        assertThat(document.fiscalYear()).isEqualTo(2026);
    }

    @Test
    void findsAllThirteenTablesByTitle() {
        assertThat(document.tables().keySet()).containsExactlyElementsOf(IntStream.rangeClosed(1, 13).boxed().toList());
        assertThat(document.table(9).title()).isEqualTo("国有资本经营预算收支预算表（不含上年结转）");
        assertThat(document.table(3).labelColumns()).containsExactly("科目编码", "科目名称");
        assertThat(document.table(1).amountColumns()).containsExactly("收入金额", "支出合计", "当年预算安排", "上年结转安排");
    }

    @Test
    void table1PairsIncomeWithExpenditure() {
        assertThat(cells(document.table(1))).containsExactly(
                "1|一、一般公共预算|一、一般公共服务支出|4294.01|3487.06|3487.06|",
                "1|二、政府性基金预算|二、外交支出||||",
                "1|三、国有资本经营预算|三、国防支出||||",
                "1|四、财政专户管理资金|四、公共安全支出||||",
                "1|五、单位资金|五、教育支出||3.60|3.60|",
                "1||六、科学技术支出||||",
                "1||七、文化旅游体育与传媒支出||||",
                "1||八、社会保障和就业支出||413.21|413.21|",
                "1||九、社会保险基金支出||||",
                "1||十、卫生健康支出||160.92|160.92|",
                "1||十一、节能环保支出||||",
                "1||十二、城乡社区支出||||",
                "1||十三、农林水支出||||",
                "1||十四、交通运输支出||||",
                "1||十五、资源勘探工业信息等支出||||",
                "1||十六、商业服务业等支出||||",
                "1||十七、金融支出||||",
                "1||十八、援助其他地区支出||||",
                "1||十九、自然资源海洋气象等支出||||",
                "1||二十、住房保障支出||229.21|229.21|",
                "1||二十一、粮油物资储备支出||||",
                "1||二十二、国有资本经营预算支出||||",
                "1||二十三、灾害防治及应急管理支出||||",
                "1||二十四、预备费||||",
                "1||二十五、其他支出||||",
                "1||二十六、转移性支出||||",
                "1||二十七、债务还本支出||||",
                "1||二十八、债务付息支出||||",
                "1||二十九、债务发行费用支出||||",
                "1||三十、抗疫特别国债安排的支出||||",
                "0|本年收入合计|本年支出合计|4294.01|4294.01|4294.01|",
                "0|上年结转|年终结转||||",
                "0|收入总计|支出总计|4294.01|4294.01|4294.01|");
        assertThat(document.table(1).rows().get(0).sourceLine()).isEqualTo(66);
    }

    @Test
    void table2SplitsIncomeBySource() {
        assertThat(cells(document.table(2))).containsExactly(
                "0|合计||4294.01|4294.01|||||",
                "1|201|一般公共服务支出|3487.06|3487.06|||||",
                "2|20103|政府办公厅（室）及相关机构事务|3487.06|3487.06|||||",
                "3|2010306|政务公开审批|2349.64|2349.64|||||",
                "3|2010350|事业运行|797.37|797.37|||||",
                "3|2010399|其他政府办公厅（室）及相关机构事务支出|340.06|340.06|||||",
                "1|205|教育支出|3.60|3.60|||||",
                "2|20599|其他教育支出|3.60|3.60|||||",
                "3|2059999|其他教育支出|3.60|3.60|||||",
                "1|208|社会保障和就业支出|413.21|413.21|||||",
                "2|20805|行政事业单位养老支出|413.21|413.21|||||",
                "3|2080501|行政单位离退休|25.10|25.10|||||",
                "3|2080502|事业单位离退休|37.16|37.16|||||",
                "3|2080505|机关事业单位基本养老保险缴费支出|233.97|233.97|||||",
                "3|2080506|机关事业单位职业年金缴费支出|116.98|116.98|||||",
                "1|210|卫生健康支出|160.92|160.92|||||",
                "2|21007|计划生育事务|1.14|1.14|||||",
                "3|2100799|其他计划生育事务支出|1.14|1.14|||||",
                "2|21011|行政事业单位医疗|159.78|159.78|||||",
                "3|2101101|行政单位医疗|61.30|61.30|||||",
                "3|2101102|事业单位医疗|48.03|48.03|||||",
                "3|2101103|公务员医疗补助|50.46|50.46|||||",
                "1|221|住房保障支出|229.21|229.21|||||",
                "2|22102|住房改革支出|229.21|229.21|||||",
                "3|2210201|住房公积金|229.21|229.21|||||");
    }

    @Test
    void table3SplitsBasicAndProjectExpenditure() {
        assertThat(cells(document.table(3))).containsExactly(
                "0|合计||4294.01|2723.73|1570.28",
                "1|201|一般公共服务支出|3487.06|1920.38|1566.68",
                "2|20103|政府办公厅（室）及相关机构事务|3487.06|1920.38|1566.68",
                "3|2010306|政务公开审批|2349.64|1123.02|1226.62",
                "3|2010350|事业运行|797.37|797.37|",
                "3|2010399|其他政府办公厅（室）及相关机构事务支出|340.06||340.06",
                "1|205|教育支出|3.60||3.60",
                "2|20599|其他教育支出|3.60||3.60",
                "3|2059999|其他教育支出|3.60||3.60",
                "1|208|社会保障和就业支出|413.21|413.21|",
                "2|20805|行政事业单位养老支出|413.21|413.21|",
                "3|2080501|行政单位离退休|25.10|25.10|",
                "3|2080502|事业单位离退休|37.16|37.16|",
                "3|2080505|机关事业单位基本养老保险缴费支出|233.97|233.97|",
                "3|2080506|机关事业单位职业年金缴费支出|116.98|116.98|",
                "1|210|卫生健康支出|160.92|160.92|",
                "2|21007|计划生育事务|1.14|1.14|",
                "3|2100799|其他计划生育事务支出|1.14|1.14|",
                "2|21011|行政事业单位医疗|159.78|159.78|",
                "3|2101101|行政单位医疗|61.30|61.30|",
                "3|2101102|事业单位医疗|48.03|48.03|",
                "3|2101103|公务员医疗补助|50.46|50.46|",
                "1|221|住房保障支出|229.21|229.21|",
                "2|22102|住房改革支出|229.21|229.21|",
                "3|2210201|住房公积金|229.21|229.21|");
        assertThat(document.table(3).rows().get(3).sourceLine()).isEqualTo(151);
    }

    @Test
    void table6HasEconomicClassesAndItems() {
        assertThat(cells(document.table(6))).containsExactly(
                "0|合计||2723.73|2459.06|264.67",
                "1|工资福利支出||2395.66|2395.66|",
                "2|基本工资|工资奖金津补贴|400.16|400.16|",
                "2|基本工资|工资福利支出|326.45|326.45|",
                "2|津贴补贴|工资奖金津补贴|197.77|197.77|",
                "2|津贴补贴|工资福利支出|36.37|36.37|",
                "2|奖金|工资奖金津补贴|176.44|176.44|",
                "2|绩效工资|工资福利支出|381.79|381.79|",
                "2|机关事业单位基本养老保险缴费|社会保障缴费|109.38|109.38|",
                "2|机关事业单位基本养老保险缴费|工资福利支出|124.59|124.59|",
                "2|职业年金缴费|社会保障缴费|54.69|54.69|",
                "2|职业年金缴费|工资福利支出|62.29|62.29|",
                "2|职工基本医疗保险缴费|社会保障缴费|61.30|61.30|",
                "2|职工基本医疗保险缴费|工资福利支出|48.03|48.03|",
                "2|公务员医疗补助缴费|社会保障缴费|28.29|28.29|",
                "2|公务员医疗补助缴费|工资福利支出|22.17|22.17|",
                "2|其他社会保障缴费|社会保障缴费|2.17|2.17|",
                "2|其他社会保障缴费|工资福利支出|3.40|3.40|",
                "2|住房公积金|住房公积金|128.39|128.39|",
                "2|住房公积金|工资福利支出|100.83|100.83|",
                "2|其他工资福利支出|其他工资福利支出|83.20|83.20|",
                "2|其他工资福利支出|工资福利支出|47.96|47.96|",
                "1|商品和服务支出||264.67||264.67",
                "2|办公费|办公经费|128.93||128.93",
                "2|办公费|商品和服务支出|43.21||43.21",
                "2|公务接待费|公务接待费|2.00||2.00",
                "2|工会经费|办公经费|13.67||13.67",
                "2|工会经费|商品和服务支出|15.57||15.57",
                "2|公务用车运行维护费|公务用车运行维护费|1.95||1.95",
                "2|其他交通费用|办公经费|51.93||51.93",
                "2|其他交通费用|商品和服务支出|3.90||3.90",
                "2|其他商品和服务支出|其他商品和服务支出|1.00||1.00",
                "2|其他商品和服务支出|商品和服务支出|2.50||2.50",
                "1|对个人和家庭的补助||63.40|63.40|",
                "2|退休费|离退休费|62.26|62.26|",
                "2|奖励金|社会福利和救助|1.14|1.14|");
    }

    @Test
    void table10HasTheThreePublicExpenses() {
        assertThat(cells(document.table(10))).containsExactly(
                "1|因公出国（境）费||||",
                "1|公务接待费|2.00|2.00||",
                "1|公务用车购置及运行费|1.95|1.95||",
                "2|①公务用车购置费||||",
                "2|②公务用车运行维护费|1.95|1.95||",
                "0|合计|3.95|3.95||");
    }

    @Test
    void table11HasTheAgencyOperatingCostPerUnit() {
        assertThat(cells(document.table(11))).containsExactly(
                "0|部门合计|204.08|204.08||",
                "1|晋城市行政审批服务管理局|158.22|158.22||",
                "1|晋城市政务服务中心|45.86|45.86||");
    }

    @Test
    void table12HasTheDepartmentItsUnitsAndTheirProjects() {
        assertThat(cells(document.table(12))).containsExactly(
                "0|晋城市行政审批服务管理局|1570.28|1570.28||||",
                "1|晋城市行政审批服务管理局|1050.22|1050.22||||",
                "2|编外人员管理经费|228.00|228.00||||",
                "2|选调生生活补贴|3.60|3.60||||",
                "2|行政审批工作运行经费（含社会组织法定代表人离任审计及注销审计服务、晋城市“十五五”营商环境发展规划编制）|240.00|240.00||||",
                "2|行政审批专网专项及网络运维项目|80.00|80.00||||",
                "2|项目尾款|80.00|80.00||||",
                "2|“高效办成一件事”规程规范及经典案例打造|18.62|18.62||||",
                "2|建设工程消防设计审查验收及备案抽查技术服务项目等五个政府购买服务项目|400.00|400.00||||",
                "1|晋城市政务服务中心|180.00|180.00||||",
                "2|云桌面服务费|80.00|80.00||||",
                "2|政务服务标准化|50.00|50.00||||",
                "2|窗口运行经费|50.00|50.00||||",
                "1|晋城市公共资源交易中心|340.06|340.06||||",
                "2|云桌面租赁|30.00|30.00||||",
                "2|工作经费|100.00|100.00||||",
                "2|硬件运维|15.00|15.00||||",
                "2|系统等级保护|55.90|55.90||||",
                "2|交易系统年度运维费|63.00|63.00||||",
                "2|金融服务平台建设尾款|12.16|12.16||||",
                "2|交易系统平台替代|34.00|34.00||||",
                "2|远程异地评标系统改造（政府采购）|30.00|30.00||||");
    }

    @Test
    void emptyTablesHaveTheirTotalRowWithBlankAmounts() {
        for (int number : new int[]{7, 8, 9, 13}) {
            DisclosureTable table = document.table(number);
            assertThat(table.holdsNoAmount()).as("table %d", number).isTrue();
            assertThat(table.rows()).as("table %d", number).singleElement()
                    .satisfies(row -> assertThat(row.level()).isZero());
        }
        assertThat(cells(document.table(7))).containsExactly("0|合计||");
        assertThat(cells(document.table(8))).containsExactly("0|合计||||");
        assertThat(cells(document.table(9))).containsExactly("0|合计|||||||");
        assertThat(cells(document.table(13))).containsExactly("0|晋城市行政审批服务管理局||||");
    }

    @Test
    void namesTheUnitsInOrderOfAppearance() {
        // Tables 11 and 12 name three units; the 机构设置 text names two more 下属 units.
        assertThat(document.unitNames()).containsExactly("晋城市行政审批服务管理局", "晋城市政务服务中心",
                "晋城市公共资源交易中心", "晋城市行政审批项目审勘中心", "晋城市审批服务网络技术中心");
    }

    @Test
    void readsTheTotalAndItsChangeAgainstLastYear() {
        NarrativeFigure total = document.narrative().total();
        assertThat(total.amountWanYuan()).isEqualTo(new BigDecimal("4294.01"));
        assertThat(total.changeWanYuan()).isEqualTo(new BigDecimal("-263.35"));
        assertThat(total.priorYearWanYuan()).isEqualTo(new BigDecimal("4557.36"));
        assertThat(total.reason()).isEqualTo("局机关预算总收入减少");
        assertThat(total.line()).isEqualTo(416);
    }

    @Test
    void readsTheThreePublicExpensesAndTheirCategories() {
        Narrative narrative = document.narrative();
        assertThat(narrative.threePublicTotal()).isEqualTo(new NarrativeFigure(new BigDecimal("3.95"),
                new BigDecimal("-1.00"), new BigDecimal("4.95"), "局机关公务接待费减少1万元", 458));
        assertThat(narrative.reception()).isEqualTo(new NarrativeFigure(new BigDecimal("2.00"),
                new BigDecimal("-1.00"), new BigDecimal("3.00"), "局机关公务接待费减少1万元", 460));
        assertThat(narrative.travelAbroad()).isEqualTo(same("0.00", 460));
        assertThat(narrative.vehicleTotal()).isEqualTo(same("1.95", 460));
        assertThat(narrative.vehicleOperation()).isEqualTo(same("1.95", 460));
        assertThat(narrative.vehiclePurchase()).isEqualTo(same("0.00", 460));
    }

    @Test
    void readsTheAgencyOperatingCost() {
        assertThat(document.narrative().agencyOperatingCost()).isEqualTo(new NarrativeFigure(new BigDecimal("204.08"),
                new BigDecimal("10.49"), new BigDecimal("193.59"), "工资变动，福利费、工会经费增加", 468));
    }

    @Test
    void readsGovernmentProcurement() {
        Narrative narrative = document.narrative();
        assertThat(narrative.procurementTotal().amountWanYuan()).isEqualTo(new BigDecimal("736.14"));
        assertThat(narrative.procurementGoods().amountWanYuan()).isEqualTo(new BigDecimal("94.95"));
        assertThat(narrative.procurementWorks().amountWanYuan()).isEqualTo(new BigDecimal("0.00"));
        assertThat(narrative.procurementServices().amountWanYuan()).isEqualTo(new BigDecimal("641.19"));
        assertThat(narrative.procurementTotal().line()).isEqualTo(472);
    }

    @Test
    void theNarrativeAgreesWithTheTables() {
        assertThat(document.warnings()).isEmpty();
    }

    /** 与上年预算数相同: no change, last year's figure is this year's. */
    private static NarrativeFigure same(String amount, int line) {
        BigDecimal a = new BigDecimal(amount);
        return new NarrativeFigure(a, new BigDecimal("0.00"), a, null, line);
    }

    @Test
    void cells_printed_as_a_dash_are_blank_and_thousands_separators_are_read() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        String row = lines.get(113);
        assertThat(row).isEqualTo("201\t一般公共服务支出\t3487.06\t3487.06\t\t\t\t\t");
        lines.set(113, "201\t一般公共服务支出\t3,487.06\t3487.06\t-\t—\t－\t--\t");
        DisclosureDocument dashed = new DisclosureParser().parse(Disclosures.join(lines));
        DisclosureDocument seed = new DisclosureParser().parse(Disclosures.text(Disclosures.SEED));
        assertThat(Disclosures.cells(dashed.table(2))).isEqualTo(Disclosures.cells(seed.table(2)));
        assertThat(Disclosures.cells(dashed.table(2).rows().get(1))).isEqualTo("1|201|一般公共服务支出|3487.06|3487.06|||||");
    }
}
