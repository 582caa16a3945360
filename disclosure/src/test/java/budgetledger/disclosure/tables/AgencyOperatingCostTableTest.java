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
import static budgetledger.disclosure.tables.Ledger.labels;
import static budgetledger.disclosure.tables.Ledger.levels;
import static budgetledger.disclosure.tables.Ledger.wan;
import static org.assertj.core.api.Assertions.assertThat;

/** Table 11 财政拨款安排机关运行经费预算表. */
class AgencyOperatingCostTableTest {

    @Test
    void public_use_money_of_administrative_and_civil_service_managed_units_gives_the_seed_figures() {
        Ledger ledger = new Ledger()
                .publicUse(SERVICE_CENTRE, "2010350", "30201", "50502", wan("45.86"))
                .publicUse(BUREAU, "2010306", "30201", "50201", wan("150"))
                .publicUse(BUREAU, "2010306", "30217", "50206", wan("8.22"))
                .publicUse(TRADING_CENTRE, "2010350", "30201", "50502", wan("60.59"))
                .personnel(BUREAU, "2010306", "30101", "50101", wan("400.16"))
                .line(BUREAU, "2010306", ExpenditureKind.PROJECT, "30201", "50201", FundingSource.GENERAL_PUBLIC,
                        Origin.CURRENT_YEAR, "工作经费", wan("100"))
                .line(BUREAU, "2010306", ExpenditureKind.BASIC_PUBLIC_USE, "30201", "50201", FundingSource.UNIT_OWN,
                        Origin.CURRENT_YEAR, null, wan("3"))
                .line(BUREAU, "2010306", ExpenditureKind.BASIC_PUBLIC_USE, "30201", "50201",
                        FundingSource.GENERAL_PUBLIC, Origin.CARRIED_OVER, null, wan("4"));

        DisclosureTable table = ledger.render(11);

        // Units in the budget's order, not the lines' order; the 事业 unit is left out.
        assertThat(labels(table)).containsExactly(List.of("部门合计"), List.of("晋城市行政审批服务管理局"),
                List.of("晋城市政务服务中心"));
        assertThat(levels(table)).containsExactly(0, 1, 1);
        assertThat(table.rows()).extracting(Ledger::amounts).containsExactly(
                List.of("204.08", "204.08", "", ""),
                List.of("158.22", "158.22", "", ""),
                List.of("45.86", "45.86", "", ""));
    }

    @Test
    void government_fund_money_has_its_own_column_and_a_unit_without_money_has_no_row() {
        Ledger ledger = new Ledger()
                .line(SERVICE_CENTRE, "2010350", ExpenditureKind.BASIC_PUBLIC_USE, "30201", "50502",
                        FundingSource.GOVERNMENT_FUND, Origin.CURRENT_YEAR, null, wan("1.25"));

        DisclosureTable table = ledger.render(11);

        assertThat(labels(table)).containsExactly(List.of("部门合计"), List.of("晋城市政务服务中心"));
        assertThat(Ledger.amounts(table.rows().get(0))).containsExactly("1.25", "", "1.25", "");
    }
}
