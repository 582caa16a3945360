package budgetledger.disclosure.tables;

import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.table.DisclosureTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static budgetledger.disclosure.tables.Ledger.BUREAU;
import static budgetledger.disclosure.tables.Ledger.SERVICE_CENTRE;
import static budgetledger.disclosure.tables.Ledger.TRADING_CENTRE;
import static budgetledger.disclosure.tables.Ledger.amounts;
import static budgetledger.disclosure.tables.Ledger.labels;
import static budgetledger.disclosure.tables.Ledger.levels;
import static budgetledger.disclosure.tables.Ledger.wan;
import static org.assertj.core.api.Assertions.assertThat;

/** Table 10 财政拨款安排“三公”经费支出预算表. */
class ThreePublicTableTest {

    @Test
    void rows_are_the_fixed_form_with_the_seed_figures() {
        Ledger ledger = new Ledger()
                .publicUse(BUREAU, "2010306", "30217", "50206", wan("2"))
                .publicUse(BUREAU, "2010306", "30231", "50208", wan("1.95"))
                .publicUse(BUREAU, "2010306", "30201", "50201", wan("128.93"));

        DisclosureTable table = ledger.render(10);

        assertThat(labels(table)).extracting(l -> l.get(0)).containsExactly("因公出国（境）费", "公务接待费",
                "公务用车购置及运行费", "①公务用车购置费", "②公务用车运行维护费", "合计");
        assertThat(levels(table)).containsExactly(1, 1, 1, 2, 2, 0);
        assertThat(table.rows()).extracting(Ledger::amounts).containsExactly(
                List.of("", "", "", ""),
                List.of("2.00", "2.00", "", ""),
                List.of("1.95", "1.95", "", ""),
                List.of("", "", "", ""),
                List.of("1.95", "1.95", "", ""),
                List.of("3.95", "3.95", "", ""));
    }

    @Test
    void a_vehicle_bought_by_a_project_counts_and_so_does_a_basic_reception() {
        Ledger ledger = new Ledger()
                .line(BUREAU, "2010306", ExpenditureKind.PROJECT, "31013", "50303", FundingSource.GENERAL_PUBLIC,
                        Origin.CURRENT_YEAR, "执法执勤用车购置", wan("25"))
                .publicUse(SERVICE_CENTRE, "2010350", "30217", "50502", wan("1.5"))
                .line(TRADING_CENTRE, "2010399", ExpenditureKind.PROJECT, "30212", "50502",
                        FundingSource.GOVERNMENT_FUND, Origin.CURRENT_YEAR, "境外考察", wan("3"));

        DisclosureTable table = ledger.render(10);

        assertThat(amounts(Ledger.row(table, "因公出国（境）费"))).containsExactly("3.00", "", "3.00", "");
        assertThat(amounts(Ledger.row(table, "公务接待费"))).containsExactly("1.50", "1.50", "", "");
        assertThat(amounts(Ledger.row(table, "①公务用车购置费"))).containsExactly("25.00", "25.00", "", "");
        assertThat(amounts(Ledger.row(table, "公务用车购置及运行费"))).containsExactly("25.00", "25.00", "", "");
        assertThat(amounts(Ledger.row(table, "合计"))).containsExactly("29.50", "26.50", "3.00", "");
    }

    @Test
    void unit_money_carried_over_money_and_lines_without_an_economic_item_are_left_out() {
        Ledger ledger = new Ledger()
                .publicUse(BUREAU, "2010306", "30217", "50206", wan("2"))
                .line(BUREAU, "2010306", ExpenditureKind.BASIC_PUBLIC_USE, "30217", "50206", FundingSource.UNIT_OWN,
                        Origin.CURRENT_YEAR, null, wan("5"))
                .line(BUREAU, "2010306", ExpenditureKind.BASIC_PUBLIC_USE, "30217", "50206",
                        FundingSource.FISCAL_SPECIAL_ACCOUNT, Origin.CURRENT_YEAR, null, wan("6"))
                .line(BUREAU, "2010306", ExpenditureKind.PROJECT, "31013", "50303", FundingSource.GENERAL_PUBLIC,
                        Origin.CARRIED_OVER, "上年购车", wan("20"))
                .project(BUREAU, "2010306", "云桌面服务费", wan("80"));

        DisclosureTable table = ledger.render(10);

        assertThat(amounts(Ledger.row(table, "公务接待费"))).containsExactly("2.00", "2.00", "", "");
        assertThat(amounts(Ledger.row(table, "合计"))).containsExactly("2.00", "2.00", "", "");
    }
}
