package budgetledger.disclosure.tables;

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

/** Tables 12 and 13 项目支出预算表 (本年预算 / 上年结转). */
class ProjectTablesTest {

    private final Ledger ledger = new Ledger()
            .project(TRADING_CENTRE, "2010399", "云桌面租赁", wan("30"))
            .project(BUREAU, "2010306", "编外人员管理经费", wan("228"))
            .project(SERVICE_CENTRE, "2010306", "云桌面服务费", wan("80"))
            .project(BUREAU, "2059999", "选调生生活补贴", wan("3.6"))
            .project(BUREAU, "2010306", "编外人员管理经费", FundingSource.UNIT_OWN, Origin.CURRENT_YEAR, wan("12"))
            .project(BUREAU, "2010306", "项目尾款", FundingSource.GENERAL_PUBLIC, Origin.CARRIED_OVER, wan("80"))
            .project(TRADING_CENTRE, "2010399", "金融服务平台建设尾款", FundingSource.GOVERNMENT_FUND,
                    Origin.CARRIED_OVER, wan("12.16"))
            .project(TRADING_CENTRE, "2010399", "自有资金结转", FundingSource.UNIT_OWN, Origin.CARRIED_OVER, wan("9"))
            .personnel(BUREAU, "2010306", "30101", "50101", wan("400.16"));

    @Test
    void table_12_lists_the_department_then_units_in_unit_order_then_projects_in_recording_order() {
        DisclosureTable table = ledger.render(12);

        assertThat(labels(table)).extracting(l -> l.get(0)).containsExactly(
                "晋城市行政审批服务管理局",
                "晋城市行政审批服务管理局", "编外人员管理经费", "选调生生活补贴",
                "晋城市政务服务中心", "云桌面服务费",
                "晋城市公共资源交易中心", "云桌面租赁");
        assertThat(levels(table)).containsExactly(0, 1, 2, 2, 1, 2, 1, 2);
        // 合计, 一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户管理资金, 单位资金
        assertThat(amounts(table.rows().get(0))).containsExactly("353.60", "341.60", "", "", "", "12.00");
        assertThat(amounts(table.rows().get(1))).containsExactly("243.60", "231.60", "", "", "", "12.00");
        assertThat(amounts(table.rows().get(2))).containsExactly("240.00", "228.00", "", "", "", "12.00");
    }

    @Test
    void table_13_lists_carried_over_projects_of_fiscal_money_only() {
        DisclosureTable table = ledger.render(13);

        assertThat(table.amountColumns()).containsExactly("合计", "一般公共预算", "政府性基金预算", "国有资本经营预算");
        assertThat(labels(table)).extracting(l -> l.get(0)).containsExactly(
                "晋城市行政审批服务管理局", "晋城市行政审批服务管理局", "项目尾款", "晋城市公共资源交易中心", "金融服务平台建设尾款");
        assertThat(table.rows()).extracting(Ledger::amounts).containsExactly(
                List.of("92.16", "80.00", "12.16", ""),
                List.of("80.00", "80.00", "", ""),
                List.of("80.00", "80.00", "", ""),
                List.of("12.16", "", "12.16", ""),
                List.of("12.16", "", "12.16", ""));
    }

    @Test
    void without_carried_over_projects_table_13_is_the_department_row_with_blank_amounts() {
        DisclosureTable table = new Ledger().project(BUREAU, "2010306", "工作经费", wan("100")).render(13);

        assertThat(labels(table)).containsExactly(List.of("晋城市行政审批服务管理局"));
        assertThat(amounts(table.rows().get(0))).containsExactly("", "", "", "");
        assertThat(table.holdsNoAmount()).isTrue();
    }
}
