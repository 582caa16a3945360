package budgetledger.disclosure.tables;

import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static budgetledger.disclosure.tables.Ledger.BUREAU;
import static budgetledger.disclosure.tables.Ledger.SERVICE_CENTRE;
import static budgetledger.disclosure.tables.Ledger.amounts;
import static budgetledger.disclosure.tables.Ledger.labels;
import static budgetledger.disclosure.tables.Ledger.levels;
import static budgetledger.disclosure.tables.Ledger.row;
import static budgetledger.disclosure.tables.Ledger.wan;
import static org.assertj.core.api.Assertions.assertThat;

/** Tables 2, 3 and 5: 合计, then 类 / 款 / 项 rows. */
class FunctionalTablesTest {

    @Test
    void a_parent_cell_is_the_rounding_of_its_exact_sum_not_the_sum_of_rounded_children() {
        // Each 项 ends in half a 分 of 万元 and rounds up; their exact sum ends in 0.5 fen-of-万 once, so the
        // 款 and 类 round up once: 3487.06, where the rounded children add up to 3487.07 (as in the seed).
        Ledger ledger = new Ledger()
                .personnel(BUREAU, "2010306", "30101", "50101", wan("2349.635"))
                .personnel(SERVICE_CENTRE, "2010350", "30101", "50501", wan("797.365"))
                .project(BUREAU, "2010399", "交易系统年度运维费", wan("340.055"));

        DisclosureTable table = ledger.render(3);

        assertThat(amounts(row(table, "2010306"))).containsExactly("2349.64", "2349.64", "");
        assertThat(amounts(row(table, "2010350"))).containsExactly("797.37", "797.37", "");
        assertThat(amounts(row(table, "2010399"))).containsExactly("340.06", "", "340.06");
        assertThat(amounts(row(table, "20103"))).containsExactly("3487.06", "3147.00", "340.06");
        assertThat(amounts(row(table, "201"))).containsExactly("3487.06", "3147.00", "340.06");
        assertThat(amounts(table.rows().get(0))).containsExactly("3487.06", "3147.00", "340.06");
        BigDecimal sumOfChildren = new BigDecimal("2349.64").add(new BigDecimal("797.37"))
                .add(new BigDecimal("340.06"));
        assertThat(row(table, "201").amounts().get(0)).isNotEqualByComparingTo(sumOfChildren);
    }

    @Test
    void functional_rows_nest_each_class_over_its_sections_and_items_in_code_order() {
        Ledger ledger = new Ledger()
                .personnel(BUREAU, "2210201", "30113", "50103", wan("128.39"))
                .personnel(BUREAU, "2080505", "30108", "50102", wan("109.38"))
                .personnel(BUREAU, "2010306", "30101", "50101", wan("400.16"))
                .personnel(SERVICE_CENTRE, "2080501", "30302", "50905", wan("25.10"))
                .project(BUREAU, "2059999", "选调生生活补贴", wan("3.60"));

        DisclosureTable table = ledger.render(3);

        assertThat(labels(table)).containsExactly(
                List.of("合计", ""),
                List.of("201", "一般公共服务支出"),
                List.of("20103", "政府办公厅（室）及相关机构事务"),
                List.of("2010306", "政务公开审批"),
                List.of("205", "教育支出"),
                List.of("20599", "其他教育支出"),
                List.of("2059999", "其他教育支出"),
                List.of("208", "社会保障和就业支出"),
                List.of("20805", "行政事业单位养老支出"),
                List.of("2080501", "行政单位离退休"),
                List.of("2080505", "机关事业单位基本养老保险缴费支出"),
                List.of("221", "住房保障支出"),
                List.of("22102", "住房改革支出"),
                List.of("2210201", "住房公积金"));
        assertThat(levels(table)).containsExactly(0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 3, 1, 2, 3);
        assertThat(amounts(row(table, "208"))).containsExactly("134.48", "134.48", "");
        assertThat(amounts(table.rows().get(0))).containsExactly("666.63", "663.03", "3.60");
    }

    @Test
    void table_3_counts_every_source_and_both_origins_table_5_only_general_public_of_this_year() {
        Ledger ledger = new Ledger()
                .personnel(BUREAU, "2010306", "30101", "50101", wan("100"))
                .project(BUREAU, "2010306", "云桌面服务费", FundingSource.UNIT_OWN, Origin.CURRENT_YEAR, wan("20"))
                .project(BUREAU, "2010306", "项目尾款", FundingSource.GENERAL_PUBLIC, Origin.CARRIED_OVER, wan("3"))
                .project(BUREAU, "2080599", "基金项目", FundingSource.GOVERNMENT_FUND, Origin.CURRENT_YEAR, wan("7"));

        DisclosureTable all = ledger.render(3);
        DisclosureTable generalPublic = ledger.render(5);

        assertThat(amounts(all.rows().get(0))).containsExactly("130.00", "100.00", "30.00");
        assertThat(amounts(row(all, "2010306"))).containsExactly("123.00", "100.00", "23.00");
        assertThat(amounts(generalPublic.rows().get(0))).containsExactly("100.00", "100.00", "");
        assertThat(labels(generalPublic)).extracting(l -> l.get(0)).containsExactly("合计", "201", "20103", "2010306");
    }

    @Test
    void table_2_puts_this_years_money_under_its_source_and_carried_over_money_apart() {
        Ledger ledger = new Ledger()
                .personnel(BUREAU, "2010306", "30101", "50101", wan("100"))
                .project(BUREAU, "2010306", "基金项目", FundingSource.GOVERNMENT_FUND, Origin.CURRENT_YEAR, wan("2"))
                .project(BUREAU, "2010306", "国资项目", FundingSource.STATE_CAPITAL, Origin.CURRENT_YEAR, wan("3"))
                .project(BUREAU, "2010306", "专户项目", FundingSource.FISCAL_SPECIAL_ACCOUNT, Origin.CURRENT_YEAR,
                        wan("4"))
                .project(BUREAU, "2010306", "自有项目", FundingSource.UNIT_OWN, Origin.CURRENT_YEAR, wan("5"))
                .project(BUREAU, "2010306", "项目尾款", FundingSource.UNIT_OWN, Origin.CARRIED_OVER, wan("6"));

        DisclosureTable table = ledger.render(2);

        assertThat(table.amountColumns()).containsExactly(
                "合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金", "上年结转");
        assertThat(amounts(table.rows().get(0)))
                .containsExactly("114.00", "100.00", "2.00", "3.00", "4.00", "5.00", "6.00");
        assertThat(amounts(row(table, "201"))).isEqualTo(amounts(table.rows().get(0)));
    }

    @Test
    void a_line_at_zero_leaves_no_row() {
        Ledger ledger = new Ledger()
                .personnel(BUREAU, "2010306", "30101", "50101", wan("100"))
                .line(BUREAU, "2101101", ExpenditureKind.BASIC_PERSONNEL, "30110", "50102",
                        FundingSource.GENERAL_PUBLIC, Origin.CURRENT_YEAR, null, 0);

        assertThat(labels(ledger.render(3))).extracting(l -> l.get(0)).containsExactly("合计", "201", "20103", "2010306");
    }

    @Test
    void a_cell_smaller_than_a_cent_of_wan_yuan_shows_zero_not_blank() {
        Ledger ledger = new Ledger().personnel(BUREAU, "2010306", "30101", "50101", 4_000); // 40 元

        TableRow item = row(ledger.render(3), "2010306");

        assertThat(amounts(item)).containsExactly("0.00", "0.00", "");
    }
}
