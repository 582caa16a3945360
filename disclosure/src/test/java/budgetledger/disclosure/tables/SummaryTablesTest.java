package budgetledger.disclosure.tables;

import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static budgetledger.disclosure.tables.Ledger.BUREAU;
import static budgetledger.disclosure.tables.Ledger.amounts;
import static budgetledger.disclosure.tables.Ledger.labels;
import static budgetledger.disclosure.tables.Ledger.wan;
import static org.assertj.core.api.Assertions.assertThat;

/** Tables 1 预算收支总表 and 4 财政拨款收支总表: the fixed form. */
class SummaryTablesTest {

    private final Ledger ledger = new Ledger()
            .personnel(BUREAU, "2010306", "30101", "50101", wan("100"))
            .project(BUREAU, "2059999", "选调生生活补贴", wan("3.60"))
            .project(BUREAU, "2010306", "项目尾款", FundingSource.GENERAL_PUBLIC, Origin.CARRIED_OVER, wan("8"))
            .project(BUREAU, "2080599", "基金项目", FundingSource.GOVERNMENT_FUND, Origin.CURRENT_YEAR, wan("2"))
            .project(BUREAU, "2010306", "自有项目", FundingSource.UNIT_OWN, Origin.CURRENT_YEAR, wan("5"))
            .project(BUREAU, "2010306", "自有结转", FundingSource.UNIT_OWN, Origin.CARRIED_OVER, wan("1"));

    @Test
    void table_1_has_thirty_class_rows_with_ordinals_then_three_closing_rows() {
        DisclosureTable table = ledger.render(1);

        assertThat(table.rows()).hasSize(33);
        List<List<String>> labels = labels(table);
        assertThat(labels.get(0)).containsExactly("一、一般公共预算", "一、一般公共服务支出");
        assertThat(labels.get(1)).containsExactly("二、政府性基金预算", "二、外交支出");
        assertThat(labels.get(2)).containsExactly("三、国有资本经营预算", "三、国防支出");
        assertThat(labels.get(3)).containsExactly("四、财政专户管理资金", "四、公共安全支出");
        assertThat(labels.get(4)).containsExactly("五、单位资金", "五、教育支出");
        assertThat(labels.get(5)).containsExactly("", "六、科学技术支出");
        assertThat(labels.get(9)).containsExactly("", "十、卫生健康支出");
        assertThat(labels.get(10)).containsExactly("", "十一、节能环保支出");
        assertThat(labels.get(19)).containsExactly("", "二十、住房保障支出");
        assertThat(labels.get(20)).containsExactly("", "二十一、粮油物资储备支出");
        assertThat(labels.get(29)).containsExactly("", "三十、抗疫特别国债安排的支出");
        assertThat(labels.subList(30, 33)).containsExactly(
                List.of("本年收入合计", "本年支出合计"), List.of("上年结转", "年终结转"), List.of("收入总计", "支出总计"));
        assertThat(table.rows().subList(0, 30)).allMatch(row -> row.level() == 1);
        assertThat(table.rows().subList(30, 33)).allMatch(row -> row.level() == 0);
    }

    @Test
    void table_1_pairs_this_years_income_by_source_with_expenditure_by_class() {
        List<TableRow> rows = ledger.render(1).rows();

        // 收入金额, 支出合计, 当年预算安排, 上年结转安排
        assertThat(amounts(rows.get(0))).containsExactly("103.60", "114.00", "105.00", "9.00"); // 一般公共预算 | 201
        assertThat(amounts(rows.get(1))).containsExactly("2.00", "", "", "");                   // 政府性基金 | 外交
        assertThat(amounts(rows.get(2))).containsExactly("", "", "", "");
        assertThat(amounts(rows.get(4))).containsExactly("5.00", "3.60", "3.60", "");           // 单位资金 | 教育
        assertThat(amounts(rows.get(7))).containsExactly("", "2.00", "2.00", "");               // 社会保障和就业
        assertThat(amounts(rows.get(30))).containsExactly("110.60", "119.60", "110.60", "9.00"); // 本年收入/支出合计
        assertThat(amounts(rows.get(31))).containsExactly("9.00", "", "", "");                   // 上年结转 | 年终结转
        assertThat(amounts(rows.get(32))).containsExactly("119.60", "119.60", "110.60", "9.00"); // 总计
    }

    @Test
    void table_4_counts_fiscal_money_only_and_breaks_down_carried_over_fiscal_income() {
        DisclosureTable table = ledger.render(4);
        List<TableRow> rows = table.rows();

        assertThat(rows).hasSize(36);
        assertThat(labels(table).get(0)).containsExactly("一、一般公共预算", "一、一般公共服务支出");
        assertThat(labels(table).get(2)).containsExactly("三、国有资本经营预算", "三、国防支出");
        assertThat(labels(table).get(3)).containsExactly("", "四、公共安全支出");
        assertThat(labels(table).subList(30, 36)).containsExactly(
                List.of("本年收入合计", "本年支出合计"), List.of("上年财政拨款结转", "年终结转"),
                List.of("一、一般公共预算", ""), List.of("二、政府性基金预算", ""), List.of("三、国有资本经营预算", ""),
                List.of("收入总计", "支出总计"));
        // 收入金额, 支出小计, 一般公共预算, 政府性基金预算, 国有资本经营预算
        assertThat(amounts(rows.get(0))).containsExactly("103.60", "108.00", "108.00", "", "");
        assertThat(amounts(rows.get(1))).containsExactly("2.00", "", "", "", "");
        assertThat(amounts(rows.get(7))).containsExactly("", "2.00", "", "2.00", "");
        assertThat(amounts(rows.get(30))).containsExactly("105.60", "113.60", "111.60", "2.00", "");
        assertThat(amounts(rows.get(31))).containsExactly("8.00", "", "", "", "");
        assertThat(amounts(rows.get(32))).containsExactly("8.00", "", "", "", "");
        assertThat(amounts(rows.get(33))).containsExactly("", "", "", "", "");
        assertThat(amounts(rows.get(35))).containsExactly("113.60", "113.60", "111.60", "2.00", "");
    }
}
