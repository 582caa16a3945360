package budgetledger.app;

import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.model.BudgetSubject;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.BudgetQueryHandler;
import budgetledger.query.DisclosureQueryHandler;
import budgetledger.query.DisclosureTableView;
import budgetledger.query.DisclosureTablesView;
import budgetledger.query.FindBudgetLineQuery;
import budgetledger.query.FindBudgetLinesQuery;
import budgetledger.query.FindBudgetQuery;
import budgetledger.query.FindBudgetsQuery;
import budgetledger.query.FindDisclosureDocumentQuery;
import budgetledger.query.FindDisclosureTableQuery;
import budgetledger.query.FindDisclosureTablesQuery;
import budgetledger.query.FindExplanationsQuery;
import budgetledger.query.FindFindingsQuery;
import budgetledger.query.FindHeadlineFiguresQuery;
import budgetledger.query.FindReconciliationQuery;
import budgetledger.query.FindThreePublicComparisonQuery;
import budgetledger.query.FindYearOverYearQuery;
import budgetledger.query.FindingsView;
import budgetledger.query.HeadlineFigures;
import budgetledger.query.YearOverYearQueryHandler;
import budgetledger.query.narrative.Change;
import budgetledger.query.narrative.Explanation;
import budgetledger.query.narrative.ThreePublicComparison;
import budgetledger.query.yoy.DeltaRow;
import budgetledger.query.yoy.Dimension;
import budgetledger.query.yoy.Level;
import budgetledger.query.yoy.YearOverYear;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each query handler asked its queries on a budget whose every number is known: five lines recorded through the
 * API (below), and for the document queries the seed imported.
 * <pre>
 * L1 行政 unit  公用经费 办公费 30201       一般公共预算 当年     1,000,000.00   机关运行经费
 * L2 行政 unit  公用经费 公务接待费 30217   一般公共预算 当年        50,000.00   机关运行经费, "三公" 接待
 * L3 事业 unit  公用经费 公务用车运行 30231 一般公共预算 当年        80,000.00   "三公" 车辆运行 (no 机关)
 * L4 行政 unit  项目支出 信息化运维          单位资金     当年       300,000.00   not 财政拨款
 * L5 行政 unit  人员经费 基本工资 30101      一般公共预算 上年结转     20,000.00   not 当年
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class QueryHandlersTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();

    @Autowired
    BudgetQueryHandler budgets;
    @Autowired
    DisclosureQueryHandler disclosures;
    @Autowired
    YearOverYearQueryHandler yearOverYear;

    /** The known budget under its own department code; its id. */
    String knownBudget(String departmentCode) {
        String budgetId = departmentCode + "-2026";
        ok("/api/budgets", """
                {"departmentCode":"%s","departmentName":"某市某局","fiscalYear":2026,
                 "units":[{"code":"%s001","name":"某局（本级）","type":"行政"},
                          {"code":"%s002","name":"某中心","type":"事业"}]}""".formatted(departmentCode, departmentCode,
                departmentCode));
        String lines = "/api/budgets/" + budgetId + "/lines";
        ok(lines, line(departmentCode + "001", "基本支出-公用经费", "30201", "50201", "一般公共预算", "当年", null,
                "1000000.00", "l-1"));
        ok(lines, line(departmentCode + "001", "基本支出-公用经费", "30217", "50206", "一般公共预算", "当年", null,
                "50000.00", "l-2"));
        ok(lines, line(departmentCode + "002", "基本支出-公用经费", "30231", "50502", "一般公共预算", "当年", null,
                "80000.00", "l-3"));
        ok(lines, line(departmentCode + "001", "项目支出", null, null, "单位资金", "当年", "信息化运维", "300000.00",
                "l-4"));
        ok(lines, line(departmentCode + "001", "基本支出-人员经费", "30101", "50101", "一般公共预算", "上年结转", null,
                "20000.00", "l-5"));
        ok("/api/budgets/" + budgetId + "/prior-year-figures", """
                {"subject":"THREE_PUBLIC_TOTAL","amount":"100000.00","documentNo":"某财预〔2026〕1号",
                 "reason":"上年预算","commandId":"py-1"}""");
        return budgetId;
    }

    static String line(String unit, String kind, String dept, String gov, String source, String origin,
                       String project, String amount, String commandId) {
        return """
                {"unitCode":"%s","functionalCode":"2010306","kind":"%s",%s%s"fundingSource":"%s","origin":"%s",
                 "amount":"%s","documentNo":"某财预〔2026〕1号","reason":"年初预算","commandId":"%s"}""".formatted(
                unit, kind, dept == null ? "" : "\"deptEconomicCode\":\"" + dept + "\",\"govEconomicCode\":\"" + gov
                        + "\",", project == null ? "" : "\"project\":\"" + project + "\",", source, origin, amount,
                commandId);
    }

    static void ok(String path, String body) {
        ResponseEntity<JsonNode> answer = LedgerApp.postJson(APP.finance(), path, body);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s", path, answer.getBody()).isTrue();
    }

    @Test
    void the_budget_query_handler_answers_budgets_and_lines_in_fen() {
        String budgetId = knownBudget("821");
        assertThat(budgets.handle(new FindBudgetsQuery())).extracting(BudgetRow::budgetId).contains(budgetId);
        BudgetRow budget = budgets.handle(new FindBudgetQuery(budgetId)).orElseThrow();
        assertThat(budget.departmentName()).isEqualTo("某市某局");
        assertThat(budget.units()).hasSize(2);
        assertThat(budget.priorYearFigures()).containsEntry(BudgetSubject.THREE_PUBLIC_TOTAL, 10_000_000L);
        assertThat(budgets.handle(new FindBudgetLinesQuery(budgetId))).extracting(BudgetLineRow::lineId,
                BudgetLineRow::amountFen).containsExactly(
                org.assertj.core.groups.Tuple.tuple("L1", 100_000_000L),
                org.assertj.core.groups.Tuple.tuple("L2", 5_000_000L),
                org.assertj.core.groups.Tuple.tuple("L3", 8_000_000L),
                org.assertj.core.groups.Tuple.tuple("L4", 30_000_000L),
                org.assertj.core.groups.Tuple.tuple("L5", 2_000_000L));
        BudgetLineRow l2 = budgets.handle(new FindBudgetLineQuery(budgetId, "L2")).orElseThrow();
        assertThat(l2.deptEconomicCode()).isEqualTo("30217");
        assertThat(l2.appropriatedFen()).isEqualTo(5_000_000L);
        assertThat(budgets.handle(new FindBudgetLineQuery(budgetId, "L9"))).isEmpty();
        assertThat(budgets.handle(new FindBudgetQuery("999-2026"))).isEmpty();
    }

    @Test
    void the_disclosure_query_handler_renders_the_tables_of_the_lines() {
        String budgetId = knownBudget("822");
        DisclosureTablesView all = disclosures.handle(new FindDisclosureTablesQuery(budgetId)).orElseThrow();
        assertThat(all.tables()).hasSize(13);
        // table 3: 合计 145.00 万元, 基本支出 115.00, 项目支出 30.00
        assertThat(amounts(table(all, 3).rows().get(0))).containsExactly("145.00", "115.00", "30.00");
        DisclosureTableView threePublic = disclosures.handle(new FindDisclosureTableQuery(budgetId, 10)).orElseThrow();
        // "三公": 接待 5.00, 车辆 8.00 (运行 8.00), 合计 13.00; fiscal only, so 一般公共预算 the same
        List<TableRow> rows = threePublic.table().rows();
        assertThat(amounts(rows.get(1))).startsWith("5.00", "5.00");
        assertThat(amounts(rows.get(4))).startsWith("8.00", "8.00");
        assertThat(amounts(rows.get(5))).startsWith("13.00", "13.00");
        // 机关运行经费: the 行政 unit's 公用经费, 105.00; the 事业 unit's is left out
        DisclosureTableView agency = disclosures.handle(new FindDisclosureTableQuery(budgetId, 11)).orElseThrow();
        assertThat(amounts(agency.table().rows().get(0))).startsWith("105.00");
        assertThat(agency.table().rows()).hasSize(2);
        // not imported from a document: no reconciliation, no findings
        assertThat(disclosures.handle(new FindReconciliationQuery(budgetId))).isEmpty();
        assertThat(disclosures.handle(new FindFindingsQuery(budgetId))).isEmpty();
        assertThat(disclosures.handle(new FindDisclosureTableQuery("999-2026", 3))).isEmpty();
    }

    @Test
    void the_disclosure_query_handler_reconciles_an_imported_document_with_every_cell_exact_or_rounded() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> imported = APP.finance().postForEntity("/api/disclosures?departmentCode=823",
                new HttpEntity<>(SampleText.seed().getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
        assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(201);
        Reconciliation.Report report = disclosures.handle(new FindReconciliationQuery("823-2026")).orElseThrow();
        assertThat(report.mismatched()).isZero();
        assertThat(report.exact() + report.rounding()).isPositive();
        FindingsView findings = disclosures.handle(new FindFindingsQuery("823-2026")).orElseThrow();
        assertThat(findings.findings()).isEmpty();
    }

    @Test
    void the_year_over_year_query_handler_answers_figures_comparisons_and_the_narrative() {
        String budgetId = knownBudget("824");
        HeadlineFigures headline = yearOverYear.handle(new FindHeadlineFiguresQuery(budgetId)).orElseThrow();
        assertThat(headline.thisYear()).containsEntry(BudgetSubject.TOTAL, 145_000_000L)
                .containsEntry(BudgetSubject.FISCAL_APPROPRIATION, 115_000_000L)
                .containsEntry(BudgetSubject.BASIC_EXPENDITURE, 115_000_000L)
                .containsEntry(BudgetSubject.PROJECT_EXPENDITURE, 30_000_000L)
                .containsEntry(BudgetSubject.GENERAL_PUBLIC_EXPENDITURE, 113_000_000L)
                .containsEntry(BudgetSubject.THREE_PUBLIC_TOTAL, 13_000_000L)
                .containsEntry(BudgetSubject.RECEPTION, 5_000_000L)
                .containsEntry(BudgetSubject.VEHICLE_TOTAL, 8_000_000L)
                .containsEntry(BudgetSubject.AGENCY_OPERATING_COST, 105_000_000L);
        assertThat(headline.lastYear().figure(BudgetSubject.THREE_PUBLIC_TOTAL)).contains(10_000_000L);

        YearOverYear.Report threePublic = yearOverYear.handle(new FindYearOverYearQuery(budgetId, null,
                Dimension.THREE_PUBLIC, Level.CLASS)).orElseThrow();
        DeltaRow total = threePublic.rows().get(0);
        assertThat(List.of(total.thisYearFen(), total.lastYearFen())).containsExactly(13_000_000L, 10_000_000L);

        YearOverYear.Report units = yearOverYear.handle(new FindYearOverYearQuery(budgetId, null,
                Dimension.AGENCY_OPERATING_COST, Level.CLASS)).orElseThrow();
        assertThat(units.rows()).extracting(DeltaRow::thisYearFen).contains(105_000_000L);

        ThreePublicComparison.Report comparison = yearOverYear.handle(new FindThreePublicComparisonQuery(budgetId))
                .orElseThrow();
        Change totalChange = comparison.rows().get(comparison.rows().size() - 1);
        assertThat(totalChange.subject()).isEqualTo(BudgetSubject.THREE_PUBLIC_TOTAL);
        assertThat(List.of(totalChange.lastYearFen(), totalChange.thisYearFen()))
                .containsExactly(10_000_000L, 13_000_000L);

        Explanation narrative = yearOverYear.handle(new FindExplanationsQuery(budgetId, new BigDecimal("10")))
                .orElseThrow();
        assertThat(narrative.text()).contains("“三公”经费预算13.00万元", "机关运行经费财政拨款预算105.00万元",
                "财政拨款收支总预算115.00万元", "基本支出115.00万元", "项目支出30.00万元");
        assertThat(yearOverYear.handle(new FindDisclosureDocumentQuery(budgetId)).orElseThrow())
                .contains("某市某局", "“三公”经费预算13.00万元");
        assertThat(yearOverYear.handle(new FindHeadlineFiguresQuery("999-2026"))).isEmpty();
    }

    static DisclosureTable table(DisclosureTablesView view, int number) {
        return view.tables().stream().filter(t -> t.number() == number).findFirst().orElseThrow();
    }

    static List<String> amounts(TableRow row) {
        return row.amounts().stream().map(a -> a == null ? null : a.toPlainString()).toList();
    }
}
