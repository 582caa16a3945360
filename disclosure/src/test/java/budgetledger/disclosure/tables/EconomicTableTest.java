package budgetledger.disclosure.tables;

import budgetledger.model.BudgetUnit;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.table.DisclosureTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static budgetledger.disclosure.tables.Ledger.BUREAU;
import static budgetledger.disclosure.tables.Ledger.TRADING_CENTRE;
import static budgetledger.disclosure.tables.Ledger.amounts;
import static budgetledger.disclosure.tables.Ledger.labels;
import static budgetledger.disclosure.tables.Ledger.levels;
import static budgetledger.disclosure.tables.Ledger.wan;
import static org.assertj.core.api.Assertions.assertThat;

/** Table 6 一般公共预算安排基本支出分经济科目表. */
class EconomicTableTest {

    /**
     * The seed's table 6 (lines 259–294), row by row. The published items of 工资福利支出 add up to 2395.67 and
     * those of 商品和服务支出 to 264.66, while their class rows say 2395.66 and 264.67: 尾差. So a few items carry
     * an exact amount a fraction of a 分-of-万元 off their published figure, as the real ledger must have.
     */
    private record SeedRow(String deptCode, String govCode, String published, String exact, String deptName,
                           String govName) {
    }

    private static final List<SeedRow> SEED_ROWS = List.of(
            seed("30101", "50101", "400.16", "400.156", "基本工资", "工资奖金津补贴"),
            seed("30101", "50501", "326.45", "326.446", "基本工资", "工资福利支出"),
            seed("30102", "50101", "197.77", "197.766", "津贴补贴", "工资奖金津补贴"),
            seed("30102", "50501", "36.37", "36.37", "津贴补贴", "工资福利支出"),
            seed("30103", "50101", "176.44", "176.44", "奖金", "工资奖金津补贴"),
            seed("30107", "50501", "381.79", "381.79", "绩效工资", "工资福利支出"),
            seed("30108", "50102", "109.38", "109.38", "机关事业单位基本养老保险缴费", "社会保障缴费"),
            seed("30108", "50501", "124.59", "124.59", "机关事业单位基本养老保险缴费", "工资福利支出"),
            seed("30109", "50102", "54.69", "54.69", "职业年金缴费", "社会保障缴费"),
            seed("30109", "50501", "62.29", "62.29", "职业年金缴费", "工资福利支出"),
            seed("30110", "50102", "61.30", "61.30", "职工基本医疗保险缴费", "社会保障缴费"),
            seed("30110", "50501", "48.03", "48.03", "职工基本医疗保险缴费", "工资福利支出"),
            seed("30111", "50102", "28.29", "28.29", "公务员医疗补助缴费", "社会保障缴费"),
            seed("30111", "50501", "22.17", "22.17", "公务员医疗补助缴费", "工资福利支出"),
            seed("30112", "50102", "2.17", "2.17", "其他社会保障缴费", "社会保障缴费"),
            seed("30112", "50501", "3.40", "3.40", "其他社会保障缴费", "工资福利支出"),
            seed("30113", "50103", "128.39", "128.39", "住房公积金", "住房公积金"),
            seed("30113", "50501", "100.83", "100.83", "住房公积金", "工资福利支出"),
            seed("30199", "50199", "83.20", "83.20", "其他工资福利支出", "其他工资福利支出"),
            seed("30199", "50501", "47.96", "47.96", "其他工资福利支出", "工资福利支出"),
            seed("30201", "50201", "128.93", "128.934", "办公费", "办公经费"),
            seed("30201", "50502", "43.21", "43.214", "办公费", "商品和服务支出"),
            seed("30217", "50206", "2.00", "2.00", "公务接待费", "公务接待费"),
            seed("30228", "50201", "13.67", "13.67", "工会经费", "办公经费"),
            seed("30228", "50502", "15.57", "15.57", "工会经费", "商品和服务支出"),
            seed("30231", "50208", "1.95", "1.95", "公务用车运行维护费", "公务用车运行维护费"),
            seed("30239", "50201", "51.93", "51.93", "其他交通费用", "办公经费"),
            seed("30239", "50502", "3.90", "3.90", "其他交通费用", "商品和服务支出"),
            seed("30299", "50299", "1.00", "1.00", "其他商品和服务支出", "其他商品和服务支出"),
            seed("30299", "50502", "2.50", "2.50", "其他商品和服务支出", "商品和服务支出"),
            seed("30302", "50905", "62.26", "62.26", "退休费", "离退休费"),
            seed("30309", "50901", "1.14", "1.14", "奖励金", "社会福利和救助"));

    private static SeedRow seed(String dept, String gov, String published, String exact, String deptName,
                                String govName) {
        return new SeedRow(dept, gov, published, exact, deptName, govName);
    }

    /** The seed's rows recorded in reverse, so that the order of the table comes from the rule, not the input. */
    private static Ledger seedLedger() {
        Ledger ledger = new Ledger();
        List<SeedRow> reversed = new ArrayList<>(SEED_ROWS);
        Collections.reverse(reversed);
        for (SeedRow row : reversed) {
            String dept = row.deptCode();
            String gov = row.govCode();
            // 505xx is the subsidy to a 事业 unit; the others are the administrative unit's own items.
            BudgetUnit unit = gov.startsWith("505") ? TRADING_CENTRE : BUREAU;
            long fen = wan(row.exact());
            if (dept.startsWith("302")) {
                ledger.publicUse(unit, "2010306", dept, gov, fen);
            } else {
                ledger.personnel(unit, "2010306", dept, gov, fen);
            }
        }
        return ledger;
    }

    @Test
    void rows_follow_the_seed_class_then_department_item_then_government_item() {
        DisclosureTable table = seedLedger().render(6);

        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("合计", ""));
        expected.add(List.of("工资福利支出", ""));
        SEED_ROWS.subList(0, 20).forEach(r -> expected.add(List.of(r.deptName(), r.govName())));
        expected.add(List.of("商品和服务支出", ""));
        SEED_ROWS.subList(20, 30).forEach(r -> expected.add(List.of(r.deptName(), r.govName())));
        expected.add(List.of("对个人和家庭的补助", ""));
        SEED_ROWS.subList(30, 32).forEach(r -> expected.add(List.of(r.deptName(), r.govName())));
        assertThat(labels(table)).containsExactlyElementsOf(expected);
        assertThat(levels(table).subList(0, 3)).containsExactly(0, 1, 2);
        assertThat(levels(table).get(22)).isEqualTo(1);
    }

    @Test
    void the_seed_lines_give_the_seed_totals() {
        DisclosureTable table = seedLedger().render(6);

        assertThat(amounts(table.rows().get(0))).containsExactly("2723.73", "2459.06", "264.67");
        assertThat(amounts(Ledger.row(table, "工资福利支出"))).containsExactly("2395.66", "2395.66", "");
        assertThat(amounts(Ledger.row(table, "商品和服务支出"))).containsExactly("264.67", "", "264.67");
        assertThat(amounts(Ledger.row(table, "对个人和家庭的补助"))).containsExactly("63.40", "63.40", "");
        for (int i = 0; i < SEED_ROWS.size(); i++) {
            int rowIndex = i + 2 + (i >= 20 ? 1 : 0) + (i >= 30 ? 1 : 0);
            assertThat(amounts(table.rows().get(rowIndex)).get(0)).isEqualTo(SEED_ROWS.get(i).published());
        }
    }

    @Test
    void only_basic_lines_of_general_public_money_of_this_year_count() {
        Ledger ledger = new Ledger()
                .publicUse(BUREAU, "2010306", "30201", "50201", wan("10"))
                .line(BUREAU, "2010306", ExpenditureKind.PROJECT, "30201", "50201", FundingSource.GENERAL_PUBLIC,
                        Origin.CURRENT_YEAR, "办公项目", wan("1"))
                .line(BUREAU, "2010306", ExpenditureKind.BASIC_PUBLIC_USE, "30201", "50201", FundingSource.UNIT_OWN,
                        Origin.CURRENT_YEAR, null, wan("2"))
                .line(BUREAU, "2010306", ExpenditureKind.BASIC_PUBLIC_USE, "30201", "50201",
                        FundingSource.GOVERNMENT_FUND, Origin.CURRENT_YEAR, null, wan("3"))
                .line(BUREAU, "2010306", ExpenditureKind.BASIC_PUBLIC_USE, "30201", "50201",
                        FundingSource.GENERAL_PUBLIC, Origin.CARRIED_OVER, null, wan("4"));

        DisclosureTable table = ledger.render(6);

        assertThat(labels(table)).containsExactly(List.of("合计", ""), List.of("商品和服务支出", ""),
                List.of("办公费", "办公经费"));
        assertThat(amounts(table.rows().get(0))).containsExactly("10.00", "", "10.00");
    }
}
