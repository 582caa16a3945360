package budgetledger.disclosure.tables;

import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import budgetledger.disclosure.BudgetLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static budgetledger.disclosure.tables.Ledger.BUREAU;
import static budgetledger.disclosure.tables.Ledger.SERVICE_CENTRE;
import static budgetledger.disclosure.tables.Ledger.TRADING_CENTRE;
import static budgetledger.disclosure.tables.Ledger.amounts;
import static budgetledger.disclosure.tables.Ledger.wan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The thirteen tables as a set: titles, order, empty budgets, the seed's totals, lines that break the rules. */
class DisclosureTablesTest {

    @Test
    void render_all_gives_the_thirteen_tables_in_order_with_year_less_titles() {
        List<DisclosureTable> tables = DisclosureTables.renderAll(Ledger.budget(), List.of());

        assertThat(tables).extracting(DisclosureTable::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(tables).extracting(DisclosureTable::title).containsExactly(
                "预算收支总表", "预算收入总表", "预算支出总表", "财政拨款收支总表", "一般公共预算支出预算表（不含上年结转）",
                "一般公共预算安排基本支出分经济科目表（不含上年结转）", "政府性基金预算收入表（不含上年结转）",
                "政府性基金预算支出表（不含上年结转）", "国有资本经营预算收支预算表（不含上年结转）",
                "财政拨款安排“三公”经费支出预算表", "财政拨款安排机关运行经费预算表", "项目支出预算表（本年预算）",
                "项目支出预算表（上年结转）");
        for (DisclosureTable table : tables) {
            assertThat(table.rows()).allMatch(row -> row.labels().size() == table.labelColumns().size()
                    && row.amounts().size() == table.amountColumns().size() && row.sourceLine() == 0);
        }
    }

    @Test
    void an_empty_budget_renders_every_table_with_its_total_rows_and_blank_amounts() {
        List<DisclosureTable> tables = DisclosureTables.renderAll(Ledger.budget(), List.of());

        assertThat(tables).allMatch(DisclosureTable::holdsNoAmount);
        assertThat(tables).extracting(t -> t.rows().size())
                .containsExactly(33, 1, 1, 36, 1, 1, 1, 1, 1, 6, 1, 1, 1);
        assertThat(tables.get(1).rows().get(0).labels()).containsExactly("合计", "");
        assertThat(tables.get(10).rows().get(0).labels()).containsExactly("部门合计");
        assertThat(tables.get(11).rows().get(0).labels()).containsExactly("晋城市行政审批服务管理局");
    }

    /**
     * The seed's table 3 at 项 level. Its own figures carry 尾差 (201 基本支出 is published as 1920.38 while its
     * 项 show 1123.02 and 797.37), so a few lines hold exact amounts a fraction of a 分-of-万元 away from their
     * published figure, as the real ledger must: every published cell is then the rounding of an exact sum.
     */
    @Test
    void lines_matching_the_seed_give_the_seed_totals() {
        Ledger ledger = new Ledger()
                .personnel(BUREAU, "2010306", "30101", "50101", wan("1123.016"))
                .personnel(SERVICE_CENTRE, "2010350", "30101", "50501", wan("797.366"))
                .project(BUREAU, "2010306", "编外人员管理经费", wan("1226.62"))
                .project(TRADING_CENTRE, "2010399", "工作经费", wan("340.06"))
                .project(BUREAU, "2059999", "选调生生活补贴", wan("3.60"))
                .personnel(BUREAU, "2080505", "30108", "50102", wan("413.21"))
                .personnel(BUREAU, "2101101", "30110", "50102", wan("160.92"))
                .personnel(BUREAU, "2210201", "30113", "50103", wan("229.214"));

        DisclosureTable table3 = ledger.render(3);
        DisclosureTable table1 = ledger.render(1);

        assertThat(amounts(table3.rows().get(0))).containsExactly("4294.01", "2723.73", "1570.28");
        assertThat(amounts(Ledger.row(table3, "201"))).containsExactly("3487.06", "1920.38", "1566.68");
        assertThat(amounts(Ledger.row(table3, "2010306"))).containsExactly("2349.64", "1123.02", "1226.62");
        assertThat(amounts(Ledger.row(table3, "2010350"))).containsExactly("797.37", "797.37", "");
        assertThat(amounts(Ledger.row(table3, "205"))).containsExactly("3.60", "", "3.60");
        assertThat(amounts(Ledger.row(table3, "208"))).containsExactly("413.21", "413.21", "");
        assertThat(amounts(Ledger.row(table3, "210"))).containsExactly("160.92", "160.92", "");
        assertThat(amounts(Ledger.row(table3, "221"))).containsExactly("229.21", "229.21", "");
        assertThat(amounts(table1.rows().get(0))).containsExactly("4294.01", "3487.06", "3487.06", "");
        assertThat(amounts(table1.rows().get(32))).containsExactly("4294.01", "4294.01", "4294.01", "");
        assertThat(amounts(ledger.render(5).rows().get(0))).containsExactly("4294.01", "2723.73", "1570.28");
        assertThat(amounts(ledger.render(12).rows().get(0))).containsExactly("1570.28", "1570.28", "", "", "", "");
    }

    @Test
    void a_table_number_outside_one_to_thirteen_is_refused() {
        assertThatThrownBy(() -> DisclosureTables.render(14, Ledger.budget(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 13");
        assertThatThrownBy(() -> DisclosureTables.render(0, Ledger.budget(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_line_of_an_unregistered_unit_is_a_bug_surfaced() {
        BudgetLine unknownUnit = new BudgetLine("L2", "999", "2010306", ExpenditureKind.BASIC_PERSONNEL, "30101",
                "50101", FundingSource.GENERAL_PUBLIC, Origin.CURRENT_YEAR, null, 100);

        assertThatThrownBy(() -> DisclosureTables.renderAll(Ledger.budget(), List.of(unknownUnit)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit 999");
    }
}
