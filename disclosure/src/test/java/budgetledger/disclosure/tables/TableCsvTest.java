package budgetledger.disclosure.tables;

import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static budgetledger.disclosure.tables.Ledger.BUREAU;
import static budgetledger.disclosure.tables.Ledger.wan;
import static org.assertj.core.api.Assertions.assertThat;

class TableCsvTest {

    @Test
    void writes_a_header_then_one_line_per_row_with_two_decimal_amounts_and_blanks() {
        DisclosureTable table = new Ledger().personnel(BUREAU, "2010306", "30101", "50101", wan("400.16")).render(3);

        assertThat(TableCsv.write(table)).isEqualTo(
                "科目编码,科目名称,合计,基本支出,项目支出\r\n"
                        + "合计,,400.16,400.16,\r\n"
                        + "201,一般公共服务支出,400.16,400.16,\r\n"
                        + "20103,政府办公厅（室）及相关机构事务,400.16,400.16,\r\n"
                        + "2010306,政务公开审批,400.16,400.16,\r\n");
    }

    @Test
    void tables_1_and_4_keep_the_published_column_order_each_amount_after_its_own_item() {
        Ledger ledger = new Ledger().personnel(BUREAU, "2010306", "30101", "50101", wan("400.16"));

        String table1 = TableCsv.write(ledger.render(1));
        assertThat(table1).startsWith("收入项目,收入金额,支出项目,支出合计,当年预算安排,上年结转安排\r\n"
                + "一、一般公共预算,400.16,一、一般公共服务支出,400.16,400.16,\r\n");
        String table4 = TableCsv.write(ledger.render(4));
        assertThat(table4).startsWith("收入项目,收入金额,支出项目,支出小计,一般公共预算,政府性基金预算,国有资本经营预算\r\n"
                + "一、一般公共预算,400.16,一、一般公共服务支出,400.16,400.16,,\r\n");
    }

    @Test
    void quotes_a_label_holding_a_comma_or_a_quote_and_doubles_the_quote() {
        DisclosureTable table = new DisclosureTable(12, "项目支出预算表（本年预算）", List.of("项目名称"),
                List.of("合计", "一般公共预算"), List.of(
                new TableRow(2, List.of("建设工程消防设计审查验收,备案抽查"), Arrays.asList(new BigDecimal("400.00"), null), 0),
                new TableRow(2, List.of("“高效办成一件事”与\"规程\"规范"), List.of(new BigDecimal("18.62"),
                        new BigDecimal("18.62")), 0),
                new TableRow(2, List.of("跨行\n项目"), Arrays.asList(null, new BigDecimal("0.00")), 0)));

        assertThat(TableCsv.write(table)).isEqualTo(
                "项目名称,合计,一般公共预算\r\n"
                        + "\"建设工程消防设计审查验收,备案抽查\",400.00,\r\n"
                        + "\"“高效办成一件事”与\"\"规程\"\"规范\",18.62,18.62\r\n"
                        + "\"跨行\n项目\",,0.00\r\n");
    }

    @Test
    void a_project_named_like_a_formula_is_written_as_text() {
        DisclosureTable table = new Ledger().project(BUREAU, "2010306", "=HYPERLINK(\"http://x\")", wan("1.00"))
                .render(12);

        assertThat(TableCsv.write(table)).contains("\"'=HYPERLINK(\"\"http://x\"\")\",1.00,1.00")
                .doesNotContain(",=HYPERLINK");
    }

    @Test
    void an_amount_is_written_plain_never_in_exponent_form() {
        DisclosureTable table = new DisclosureTable(11, "财政拨款安排机关运行经费预算表", List.of("单位名称"),
                List.of("合计"), List.of(new TableRow(0, List.of("部门合计"), List.of(new BigDecimal("1E+3")), 0)));

        assertThat(TableCsv.write(table)).endsWith("部门合计,1000.00\r\n");
    }
}
