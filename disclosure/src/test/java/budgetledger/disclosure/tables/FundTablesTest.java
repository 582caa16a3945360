package budgetledger.disclosure.tables;

import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.table.DisclosureTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static budgetledger.disclosure.tables.Ledger.BUREAU;
import static budgetledger.disclosure.tables.Ledger.amounts;
import static budgetledger.disclosure.tables.Ledger.labels;
import static budgetledger.disclosure.tables.Ledger.levels;
import static budgetledger.disclosure.tables.Ledger.wan;
import static org.assertj.core.api.Assertions.assertThat;

/** Tables 7 and 8 (政府性基金预算) and 9 (国有资本经营预算). */
class FundTablesTest {

    private final Ledger ledger = new Ledger()
            .personnel(BUREAU, "2010306", "30101", "50101", wan("100"))
            .line(BUREAU, "2080505", ExpenditureKind.BASIC_PERSONNEL, "30108", "50102", FundingSource.GOVERNMENT_FUND,
                    Origin.CURRENT_YEAR, null, wan("12.345"))
            .project(BUREAU, "2080599", "基金项目", FundingSource.GOVERNMENT_FUND, Origin.CURRENT_YEAR, wan("7.5"))
            .project(BUREAU, "2080599", "基金结转", FundingSource.GOVERNMENT_FUND, Origin.CARRIED_OVER, wan("1"))
            .project(BUREAU, "2101199", "国资项目", FundingSource.STATE_CAPITAL, Origin.CURRENT_YEAR, wan("30"))
            .line(BUREAU, "2101101", ExpenditureKind.BASIC_PERSONNEL, "30110", "50102", FundingSource.STATE_CAPITAL,
                    Origin.CURRENT_YEAR, null, wan("0.5"));

    @Test
    void table_7_is_government_fund_income_of_this_year_by_functional_code() {
        DisclosureTable table = ledger.render(7);

        assertThat(table.labelColumns()).containsExactly("收入科目编码", "科目名称");
        assertThat(table.amountColumns()).containsExactly("政府性基金收入预算");
        assertThat(labels(table)).containsExactly(List.of("合计", ""), List.of("208", "社会保障和就业支出"),
                List.of("20805", "行政事业单位养老支出"), List.of("2080505", "机关事业单位基本养老保险缴费支出"),
                List.of("2080599", "其他行政事业单位养老支出"));
        assertThat(table.rows()).extracting(Ledger::amounts).containsExactly(
                List.of("19.85"), List.of("19.85"), List.of("19.85"), List.of("12.35"), List.of("7.50"));
    }

    @Test
    void table_8_is_government_fund_expenditure_of_this_year_split_basic_and_project() {
        DisclosureTable table = ledger.render(8);

        assertThat(amounts(table.rows().get(0))).containsExactly("19.85", "12.35", "7.50");
        assertThat(levels(table)).containsExactly(0, 1, 2, 3, 3);
        assertThat(amounts(Ledger.row(table, "2080599"))).containsExactly("7.50", "", "7.50");
    }

    @Test
    void table_9_shows_state_capital_income_and_expenditure_on_the_same_code() {
        DisclosureTable table = ledger.render(9);

        assertThat(table.labelColumns()).containsExactly("收入科目编码", "收入科目名称", "科目编码", "科目名称");
        assertThat(labels(table)).containsExactly(
                List.of("合计", "", "", ""),
                List.of("210", "卫生健康支出", "210", "卫生健康支出"),
                List.of("21011", "行政事业单位医疗", "21011", "行政事业单位医疗"),
                List.of("2101101", "行政单位医疗", "2101101", "行政单位医疗"),
                List.of("2101199", "其他行政事业单位医疗支出", "2101199", "其他行政事业单位医疗支出"));
        // 国有资本经营收入预算, 合计, 基本支出, 项目支出
        assertThat(amounts(table.rows().get(0))).containsExactly("30.50", "30.50", "0.50", "30.00");
        assertThat(amounts(table.rows().get(4))).containsExactly("30.00", "30.00", "", "30.00");
    }

    @Test
    void without_such_money_the_tables_show_only_their_blank_total_row() {
        Ledger generalOnly = new Ledger().personnel(BUREAU, "2010306", "30101", "50101", wan("100"));

        for (int number : new int[]{7, 8, 9}) {
            DisclosureTable table = generalOnly.render(number);
            assertThat(table.rows()).hasSize(1);
            assertThat(table.rows().get(0).labels().get(0)).isEqualTo("合计");
            assertThat(table.holdsNoAmount()).isTrue();
        }
    }
}
