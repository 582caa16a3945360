package budgetledger.disclosure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static budgetledger.disclosure.Disclosures.cells;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hand-written disclosure in the seed's layout (another department, another year) where the seed's empty tables
 * and blank columns hold figures: 上年结转, 政府性基金, 国有资本经营, 财政专户管理资金, 单位资金, 因公出国（境）费,
 * 公务用车购置费, three units in table 11, tables 7, 8, 9 and 13. Its figures add up within and across tables. It also
 * has page breaks with repeated headers (tables 2, 6, 12), a table 5 title without （不含上年结转）, a 部门公开表9 label
 * and a thousands separator in a cell.
 */
class OtherDepartmentDisclosureTest {

    private static DisclosureDocument document;

    @BeforeAll
    static void parse() {
        document = new DisclosureParser().parse(Disclosures.text(Disclosures.OTHER_DEPARTMENT));
    }

    @Test
    void readsTheDepartmentItsCodeAndTheYear() {
        assertThat(document.departmentName()).isEqualTo("云州市交通运输局");
        assertThat(document.departmentCode()).isEqualTo("118");
        assertThat(document.fiscalYear()).isEqualTo(2025);
        assertThat(document.tables()).hasSize(13);
        assertThat(document.warnings()).isEmpty();
    }

    @Test
    void table1HasEverySourceAndTheCarryOver() {
        assertThat(cells(document.table(1))).contains(
                "1|一、一般公共预算|一、一般公共服务支出|1385.00|||",
                "1|二、政府性基金预算|二、外交支出|200.00|||",
                "1|三、国有资本经营预算|三、国防支出|50.00|||",
                "1|四、财政专户管理资金|四、公共安全支出|30.00|||",
                "1|五、单位资金|五、教育支出|20.00|||",
                "1||八、社会保障和就业支出||70.00|70.00|",
                "1||十四、交通运输支出||1640.00|1525.00|115.00",
                "1||二十、住房保障支出||40.00|40.00|",
                "1||二十二、国有资本经营预算支出||50.00|50.00|");
        assertThat(cells(document.table(1))).hasSize(33).endsWith(
                "0|本年收入合计|本年支出合计|1685.00|1800.00|1685.00|115.00",
                "0|上年结转|年终结转|115.00|||",
                "0|收入总计|支出总计|1800.00|1800.00|1685.00|115.00");
    }

    @Test
    void table2ReadsEverySourceColumnAcrossAPageBreak() {
        assertThat(cells(document.table(2))).containsExactly(
                "0|合计||1685.00|1385.00|200.00|50.00|30.00|20.00|115.00",
                "1|208|社会保障和就业支出|70.00|70.00|||||",
                "2|20805|行政事业单位养老支出|70.00|70.00|||||",
                "3|2080501|行政单位离退休|10.00|10.00|||||",
                "3|2080505|机关事业单位基本养老保险缴费支出|60.00|60.00|||||",
                "1|214|交通运输支出|1525.00|1275.00|200.00||30.00|20.00|115.00",
                "2|21401|公路水路运输|1325.00|1275.00|||30.00|20.00|100.00",
                "3|2140101|行政运行|365.00|365.00|||||",
                "3|2140106|公路养护|400.00|400.00|||||60.00",
                "3|2140112|公路运输管理|120.00|120.00|||||",
                "3|2140199|其他公路水路运输支出|440.00|390.00|||30.00|20.00|40.00",
                "2|21460|车辆通行费安排的支出|200.00||200.00||||15.00",
                "3|2146001|公路还贷|200.00||200.00||||15.00",
                "1|221|住房保障支出|40.00|40.00|||||",
                "2|22102|住房改革支出|40.00|40.00|||||",
                "3|2210201|住房公积金|40.00|40.00|||||",
                "1|223|国有资本经营预算支出|50.00|||50.00|||",
                "2|22301|解决历史遗留问题及改革成本支出|50.00|||50.00|||",
                "3|2230105|国有企业退休人员社会化管理补助支出|50.00|||50.00|||");
    }

    @Test
    void table3() {
        assertThat(cells(document.table(3))).containsExactly(
                "0|合计||1800.00|840.00|960.00",
                "1|208|社会保障和就业支出|70.00|70.00|",
                "2|20805|行政事业单位养老支出|70.00|70.00|",
                "3|2080501|行政单位离退休|10.00|10.00|",
                "3|2080505|机关事业单位基本养老保险缴费支出|60.00|60.00|",
                "1|214|交通运输支出|1640.00|730.00|910.00",
                "2|21401|公路水路运输|1425.00|730.00|695.00",
                "3|2140101|行政运行|365.00|340.00|25.00",
                "3|2140106|公路养护|460.00||460.00",
                "3|2140112|公路运输管理|120.00|120.00|",
                "3|2140199|其他公路水路运输支出|480.00|270.00|210.00",
                "2|21460|车辆通行费安排的支出|215.00||215.00",
                "3|2146001|公路还贷|215.00||215.00",
                "1|221|住房保障支出|40.00|40.00|",
                "2|22102|住房改革支出|40.00|40.00|",
                "3|2210201|住房公积金|40.00|40.00|",
                "1|223|国有资本经营预算支出|50.00||50.00",
                "2|22301|解决历史遗留问题及改革成本支出|50.00||50.00",
                "3|2230105|国有企业退休人员社会化管理补助支出|50.00||50.00");
    }

    @Test
    void table4HasTheFiscalCarryOverBySource() {
        assertThat(cells(document.table(4))).contains(
                "1||十四、交通运输支出||1590.00|1375.00|215.00|",
                "1||二十二、国有资本经营预算支出||50.00|||50.00");
        assertThat(cells(document.table(4))).hasSize(36).endsWith(
                "0|本年收入合计|本年支出合计|1635.00|1750.00|1485.00|215.00|50.00",
                "0|上年财政拨款结转|年终结转|115.00||||",
                "1|一、一般公共预算||100.00||||",
                "1|二、政府性基金预算||15.00||||",
                "1|三、国有资本经营预算||||||",
                "0|收入总计|支出总计|1750.00|1750.00|1485.00|215.00|50.00");
    }

    @Test
    void table5IsFoundWithoutTheWordsNotIncludingCarryOver() {
        assertThat(document.table(5).title()).isEqualTo("一般公共预算支出预算表（不含上年结转）");
        assertThat(cells(document.table(5))).containsExactly(
                "0|合计||1385.00|840.00|545.00",
                "1|208|社会保障和就业支出|70.00|70.00|",
                "2|20805|行政事业单位养老支出|70.00|70.00|",
                "3|2080501|行政单位离退休|10.00|10.00|",
                "3|2080505|机关事业单位基本养老保险缴费支出|60.00|60.00|",
                "1|214|交通运输支出|1275.00|730.00|545.00",
                "2|21401|公路水路运输|1275.00|730.00|545.00",
                "3|2140101|行政运行|365.00|340.00|25.00",
                "3|2140106|公路养护|400.00||400.00",
                "3|2140112|公路运输管理|120.00|120.00|",
                "3|2140199|其他公路水路运输支出|390.00|270.00|120.00",
                "1|221|住房保障支出|40.00|40.00|",
                "2|22102|住房改革支出|40.00|40.00|",
                "3|2210201|住房公积金|40.00|40.00|");
    }

    @Test
    void table6ContinuesAfterARepeatedHeader() {
        assertThat(cells(document.table(6))).containsExactly(
                "0|合计||840.00|730.00|110.00",
                "1|工资福利支出||720.00|720.00|",
                "2|基本工资|工资奖金津补贴|180.00|180.00|",
                "2|基本工资|工资福利支出|40.00|40.00|",
                "2|津贴补贴|工资奖金津补贴|150.00|150.00|",
                "2|绩效工资|工资福利支出|20.00|20.00|",
                "2|机关事业单位基本养老保险缴费|社会保障缴费|55.00|55.00|",
                "2|机关事业单位基本养老保险缴费|工资福利支出|5.00|5.00|",
                "2|住房公积金|住房公积金|36.00|36.00|",
                "2|住房公积金|工资福利支出|4.00|4.00|",
                "2|其他工资福利支出|其他工资福利支出|230.00|230.00|",
                "1|商品和服务支出||110.00||110.00",
                "2|办公费|办公经费|60.00||60.00",
                "2|因公出国（境）费用|因公出国（境）费用|3.00||3.00",
                "2|公务接待费|公务接待费|3.00||3.00",
                "2|公务用车运行维护费|公务用车运行维护费|6.00||6.00",
                "2|工会经费|办公经费|10.00||10.00",
                "2|其他商品和服务支出|商品和服务支出|28.00||28.00",
                "1|对个人和家庭的补助||10.00|10.00|",
                "2|退休费|离退休费|10.00|10.00|");
    }

    @Test
    void tables7To9HoldGovernmentFundAndStateCapitalFigures() {
        assertThat(cells(document.table(7))).containsExactly(
                "0|合计||200.00",
                "1|214|交通运输支出|200.00",
                "2|21460|车辆通行费安排的支出|200.00",
                "3|2146001|公路还贷|200.00");
        assertThat(cells(document.table(8))).containsExactly(
                "0|合计||200.00||200.00",
                "1|214|交通运输支出|200.00||200.00",
                "2|21460|车辆通行费安排的支出|200.00||200.00",
                "3|2146001|公路还贷|200.00||200.00");
        assertThat(cells(document.table(9))).containsExactly(
                "0|合计||||50.00|50.00||50.00",
                "1|223|国有资本经营预算支出|223|国有资本经营预算支出|50.00|50.00||50.00",
                "2|22301|解决历史遗留问题及改革成本支出|22301|解决历史遗留问题及改革成本支出|50.00|50.00||50.00",
                "3|2230105|国有企业退休人员社会化管理补助支出|2230105|国有企业退休人员社会化管理补助支出|50.00|50.00||50.00");
    }

    @Test
    void table10HasTravelAbroadAndVehiclePurchase() {
        assertThat(cells(document.table(10))).containsExactly(
                "1|因公出国（境）费|3.00|3.00||",
                "1|公务接待费|3.00|3.00||",
                "1|公务用车购置及运行费|31.00|31.00||",
                "2|①公务用车购置费|25.00|25.00||",
                "2|②公务用车运行维护费|6.00|6.00||",
                "0|合计|37.00|37.00||");
    }

    @Test
    void table11HasThreeUnits() {
        assertThat(cells(document.table(11))).containsExactly(
                "0|部门合计|100.00|100.00||",
                "1|云州市交通运输局|50.00|50.00||",
                "1|云州市公路事业发展中心|30.00|30.00||",
                "1|云州市运输管理服务中心|20.00|20.00||");
    }

    @Test
    void table12HasEverySourceAndContinuesAfterAPageBreak() {
        assertThat(cells(document.table(12))).containsExactly(
                "0|云州市交通运输局|845.00|545.00|200.00|50.00|30.00|20.00",
                "1|云州市交通运输局|145.00|145.00||||",
                "2|交通规划编制|120.00|120.00||||",
                "2|执法执勤用车购置|25.00|25.00||||",
                "1|云州市公路事业发展中心|650.00|400.00|200.00|50.00||",
                "2|国省干线公路养护|400.00|400.00||||",
                "2|收费公路还贷|200.00||200.00|||",
                "2|改制企业退休人员补助|50.00|||50.00||",
                "1|云州市交通工程质量监督站|50.00||||30.00|20.00",
                "2|工程质量检测|50.00||||30.00|20.00");
    }

    @Test
    void table13HoldsCarriedOverProjects() {
        assertThat(cells(document.table(13))).containsExactly(
                "0|云州市交通运输局|115.00|100.00|15.00|",
                "1|云州市交通运输局|40.00|40.00||",
                "2|交通信息化平台|40.00|40.00||",
                "1|云州市公路事业发展中心|75.00|60.00|15.00|",
                "2|公路安全生命防护工程|60.00|60.00||",
                "2|收费公路还贷尾款|15.00||15.00|");
    }

    @Test
    void namesTheUnitsInOrderOfAppearance() {
        assertThat(document.unitNames()).containsExactly("云州市交通运输局", "云州市公路事业发展中心",
                "云州市运输管理服务中心", "云州市交通工程质量监督站");
    }

    @Test
    void readsRisesAndFallsInTheNarrative() {
        Narrative narrative = document.narrative();
        assertThat(narrative.total()).isEqualTo(figure("1800.00", "120.00", "1680.00", "国省干线公路养护项目增加", 367));
        assertThat(narrative.threePublicTotal()).isEqualTo(figure("37.00", "22.00", "15.00", "购置执法执勤用车一辆", 375));
        assertThat(narrative.travelAbroad()).isEqualTo(figure("3.00", "3.00", "0.00", "安排交通运输技术交流出访一次", 377));
        assertThat(narrative.reception()).isEqualTo(figure("3.00", "-1.00", "4.00", "压减接待标准", 377));
        assertThat(narrative.vehicleTotal()).isEqualTo(figure("31.00", "20.00", "11.00", "购置执法执勤用车", 377));
        assertThat(narrative.vehicleOperation()).isEqualTo(figure("6.00", "-5.00", "11.00", "公务用车减少两辆", 377));
        assertThat(narrative.vehiclePurchase()).isEqualTo(figure("25.00", "25.00", "0.00", "更新执法执勤用车一辆", 377));
        assertThat(narrative.agencyOperatingCost()).isEqualTo(figure("100.00", "-8.00", "108.00", "压减一般性支出", 381));
    }

    @Test
    void readsProcurementButNotTheFiguresOfThePerformanceTargetTables() {
        Narrative narrative = document.narrative();
        assertThat(narrative.procurementTotal().amountWanYuan()).isEqualTo(new BigDecimal("535.00"));
        assertThat(narrative.procurementGoods().amountWanYuan()).isEqualTo(new BigDecimal("25.00"));
        assertThat(narrative.procurementWorks().amountWanYuan()).isEqualTo(new BigDecimal("400.00"));
        assertThat(narrative.procurementServices().amountWanYuan()).isEqualTo(new BigDecimal("110.00"));
    }

    private static NarrativeFigure figure(String amount, String change, String prior, String reason, int line) {
        return new NarrativeFigure(new BigDecimal(amount), new BigDecimal(change), new BigDecimal(prior), reason, line);
    }
}
