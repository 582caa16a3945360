package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Year over year through the API: the seed's narrative and "三公" comparison against its recorded prior-year
 * figures, the same after a 追加 on 公务接待费, and deltas between two budgets of one department built line by line.
 * Each test imports the seed, or builds the two budgets, under a department code of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class YearOverYearApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();

    /** Signed in as finance: records changes. */
    TestRestTemplate http;
    /** Signed in as analyst: reads. */
    TestRestTemplate analyst;

    @BeforeEach
    void signIn() {
        http = APP.finance();
        analyst = APP.as(Role.ANALYST);
    }

    ResponseEntity<JsonNode> postJson(String path, String body) {
        return LedgerApp.postJson(http, path, body);
    }

    String narrative(String budget) {
        return analyst.getForObject(budget + "/explanations?format=text", String.class);
    }

    JsonNode threePublic(String budget) {
        return analyst.getForObject(budget + "/three-public", JsonNode.class);
    }

    /** The seed imported under a department code of its own; its path, once its narrative is readable. */
    String seed(String departmentCode) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        assertThat(http.postForEntity("/api/disclosures?departmentCode=" + departmentCode,
                new HttpEntity<>(SampleText.seed().getBytes(StandardCharsets.UTF_8), headers), JsonNode.class)
                .getStatusCode().value()).isEqualTo(201);
        String budget = "/api/budgets/" + departmentCode + "-2026";
        await().atMost(Duration.ofSeconds(20)).until(() -> narrative(budget) != null
                && narrative(budget).contains("736.14"));
        return budget;
    }

    /** level|code|name|last|this|delta|percent|presence of every row, "" for null. */
    static List<String> rows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : report.get("rows")) {
            List<String> cells = new ArrayList<>();
            for (String field : List.of("level", "code", "name", "lastYear", "thisYear", "delta", "percent", "presence")) {
                cells.add(r.path(field).isNull() ? "" : r.path(field).asText());
            }
            rows.add(String.join("|", cells));
        }
        return rows;
    }

    static String row(JsonNode threePublic, String subject) {
        for (JsonNode r : threePublic.get("rows")) {
            if (r.get("subject").asText().equals(subject)) {
                return r.path("lastYear").asText() + "|" + r.path("thisYear").asText() + "|" + r.path("delta").asText()
                        + "|" + r.path("percent").asText() + "|" + r.path("change").asText() + "|" + r.path("reason").asText();
            }
        }
        throw new AssertionError("no row " + subject);
    }

    @Test
    void the_seeds_narrative_states_its_figures_from_the_ledger() {
        String seed = seed("601");
        ResponseEntity<String> text = analyst.getForEntity(seed + "/explanations?format=text", String.class);
        assertThat(text.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(text.getBody()).contains(
                "预算收入总计4,294.01万元，其中：本年收入4,294.01万元，上年结转0万元，比上年减少263.35万元，下降5.78%，"
                        + "主要原因是局机关预算总收入减少",
                "一般公共预算拨款收入4,294.01万元，占100.00%",
                "基本支出2723.73万元，占63.43%；项目支出1570.28万元，占36.57%",
                "一般公共服务支出3,487.06万元，占81.21%；教育支出3.60万元，占0.08%；社会保障和就业支出413.21万元，占9.62%；"
                        + "卫生健康支出160.92万元，占3.75%；住房保障支出229.21万元，占5.34%",
                "人员经费2,459.06万元", "公用经费264.67万元",
                "“三公”经费预算3.95万元，比2025年减少1.00万元，下降20.20%，主要原因是局机关公务接待费减少1万元",
                "公务接待费2.00万元，比上年减少1.00万元，下降33.33%，主要原因是局机关公务接待费减少1万元",
                "机关运行经费财政拨款预算204.08万元，比2025年预算增加10.49万元，增长5.42%，主要原因是工资变动，福利费、工会经费增加",
                "政府采购预算总额736.14万元。其中：政府采购货物预算94.95万元、政府采购工程预算0万元、政府采购服务预算641.19万元。");

        JsonNode json = analyst.getForObject(seed + "/explanations", JsonNode.class);
        assertThat(json.get("sections")).hasSize(9);
        assertThat(json.at("/sections/6/title").asText()).isEqualTo("“三公”经费增减变动原因说明");
        assertThat(json.get("warningThresholdPercent").asText()).isEqualTo("10");
        assertThat(json.at("/sections/4/flags/0").asText()).isEqualTo("一般公共预算当年支出：比上年减少263.35万元，未记录变动原因");
    }

    @Test
    void the_three_public_comparison_has_this_year_last_year_delta_percent_and_reason() {
        JsonNode comparison = threePublic(seed("602"));
        assertThat(row(comparison, "三公经费")).isEqualTo("4.95|3.95|-1.00|-20.20|减少|局机关公务接待费减少1万元");
        assertThat(row(comparison, "公务接待费")).isEqualTo("3.00|2.00|-1.00|-33.33|减少|局机关公务接待费减少1万元");
        assertThat(row(comparison, "公务用车运行维护费")).isEqualTo("1.95|1.95|0.00|0.00|持平|");
        assertThat(row(comparison, "因公出国（境）费")).isEqualTo("0.00|0.00|0.00||持平|");
    }

    @Test
    void against_prior_year_figures_the_subjects_compare_and_other_rows_are_flagged() {
        String seed = seed("603");
        JsonNode bySubject = analyst.getForObject(seed + "/yoy?against=prior", JsonNode.class);
        assertThat(bySubject.get("by").asText()).isEqualTo("subject");
        assertThat(rows(bySubject)).contains(
                "1|TOTAL|收支总计|4557.36|4294.01|-263.35|-5.78|BOTH",
                "1|AGENCY_OPERATING_COST|机关运行经费|193.59|204.08|10.49|5.42|BOTH",
                "1|THREE_PUBLIC_TOTAL|三公经费|4.95|3.95|-1.00|-20.20|BOTH");
        JsonNode byClass = analyst.getForObject(seed + "/yoy?against=prior&by=functional&level=class", JsonNode.class);
        assertThat(rows(byClass)).startsWith("0||合计|4557.36|4294.01|-263.35|-5.78|BOTH",
                "1|201|一般公共服务支出||3487.06|||NO_PRIOR_DATA");
        assertThat(byClass.at("/rows/1/note").asText()).isEqualTo("无上年数据");
    }

    @Test
    void after_an_increase_of_one_wan_yuan_on_reception_three_public_is_unchanged_and_the_narrative_says_so() {
        String seed = seed("604");
        JsonNode lines = http.getForObject(seed + "/lines", JsonNode.class);
        String reception = null;
        for (JsonNode line : lines) {
            if ("30217".equals(line.path("deptEconomicCode").asText())) {
                reception = line.get("lineId").asText();
            }
        }
        assertThat(reception).isNotNull();
        assertThat(postJson(seed + "/adjustments", """
                {"lineId":"%s","amount":"10000.00","documentNo":"晋财预〔2026〕40号","reason":"追加公务接待费",
                 "commandId":"yoy-reception-1"}""".formatted(reception)).getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(threePublic(seed), "三公经费").startsWith("4.95|4.95|"));

        assertThat(row(threePublic(seed), "三公经费")).isEqualTo("4.95|4.95|0.00|0.00|持平|");
        assertThat(row(threePublic(seed), "公务接待费")).isEqualTo("3.00|3.00|0.00|0.00|持平|");
        assertThat(narrative(seed)).contains("财政拨款安排的“三公”经费预算4.95万元，与上年预算数相同。其中：",
                "公务接待费3.00万元，与上年预算数相同；");
    }

    @Test
    void procurement_figures_are_recorded_by_finance_and_derived_figures_are_refused() {
        String seed = seed("605");
        ResponseEntity<JsonNode> derived = postJson(seed + "/current-year-figures", """
                {"subject":"三公经费","amount":"39500","documentNo":"文号","reason":"三公","commandId":"yoy-cy-1"}""");
        assertThat(derived.getStatusCode().value()).isEqualTo(400);
        assertThat(derived.getBody().get("rule").asText()).isEqualTo("derived-from-lines");
        // 94.95 + 0.00 + 641.19 = 736.14, the total: one 分 more for 工程 is more than the total.
        ResponseEntity<JsonNode> tooMuch = postJson(seed + "/current-year-figures", """
                {"subject":"政府采购-工程","amount":"0.01","documentNo":"文号","reason":"工程","commandId":"yoy-cy-2"}""");
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(409);
        assertThat(tooMuch.getBody().get("rule").asText()).isEqualTo("parts-exceed-total");
        assertThat(postJson(seed + "/current-year-figures", """
                {"subject":"政府采购","amount":"8000000","documentNo":"文号","reason":"政府采购调整","commandId":"yoy-cy-3"}""")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(postJson(seed + "/current-year-figures", """
                {"subject":"政府采购-工程","amount":"638600","documentNo":"文号","reason":"工程","commandId":"yoy-cy-4"}""")
                .getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> narrative(seed).contains("政府采购预算总额800.00万元。其中："
                + "政府采购货物预算94.95万元、政府采购工程预算63.86万元、政府采购服务预算641.19万元。"));
    }

    static String line(String unit, String functional, String kind, String dept, String gov, String amount, String id) {
        return """
                {"unitCode":"%s","functionalCode":"%s","kind":"%s","deptEconomicCode":"%s","govEconomicCode":"%s",
                 "fundingSource":"一般公共预算","origin":"当年","amount":"%s","documentNo":"示财预1号","reason":"年初预算",
                 "commandId":"%s"}""".formatted(unit, functional, kind, dept, gov, amount, id);
    }

    void openBudget(String departmentCode, int year, List<String> lines) {
        assertThat(postJson("/api/budgets", """
                {"departmentCode":"%1$s","departmentName":"示例市审计局","fiscalYear":%2$d,
                 "units":[{"code":"%1$s001","name":"示例市审计局（本级）","type":"行政"}]}""".formatted(departmentCode, year))
                .getStatusCode().value()).isEqualTo(201);
        for (String line : lines) {
            assertThat(postJson("/api/budgets/" + departmentCode + "-" + year + "/lines", line).getStatusCode().value())
                    .isEqualTo(201);
        }
    }

    /**
     * A department's 2025 and 2026 budgets, line by line: 2010301 and 2010350 in both years, each up 100 元 (0.01
     * 万元: 0.33% of 3.00, 0.125% → 0.13% of 8.00); 2080505 in 2025 only, 2101101 in 2026 only.
     */
    void twoYears(String departmentCode) {
        String unit = departmentCode + "001";
        openBudget(departmentCode, 2025, List.of(
                line(unit, "2010301", "基本支出-人员经费", "30101", "50101", "30000", "y25-1"),
                line(unit, "2010350", "基本支出-公用经费", "30201", "50201", "80000", "y25-2"),
                line(unit, "2080505", "基本支出-人员经费", "30108", "50102", "100000", "y25-3")));
        openBudget(departmentCode, 2026, List.of(
                line(unit, "2010301", "基本支出-人员经费", "30101", "50101", "30100", "y26-1"),
                line(unit, "2010350", "基本支出-公用经费", "30201", "50201", "80100", "y26-2"),
                line(unit, "2101101", "基本支出-人员经费", "30110", "50102", "50000", "y26-3")));
    }

    @Test
    void deltas_between_two_ledgers_by_class_section_item_and_economic_item_round_half_up() {
        twoYears("903");
        String yoy = "/api/budgets/903-2026/yoy?against=903-2025";
        await().atMost(Duration.ofSeconds(10)).until(() ->
                rows(analyst.getForObject(yoy + "&level=class", JsonNode.class)).size() == 4
                        && rows(analyst.getForObject(yoy + "&level=class", JsonNode.class)).get(0).contains("16.02"));

        assertThat(rows(analyst.getForObject(yoy + "&by=functional&level=class", JsonNode.class))).containsExactly(
                "0||合计|21.00|16.02|-4.98|-23.71|BOTH",
                "1|201|一般公共服务支出|11.00|11.02|0.02|0.18|BOTH",
                "1|208|社会保障和就业支出|10.00||-10.00|-100.00|LAST_YEAR_ONLY",
                "1|210|卫生健康支出||5.00|5.00||THIS_YEAR_ONLY");
        assertThat(rows(analyst.getForObject(yoy + "&by=functional&level=section", JsonNode.class))).contains(
                "2|20103|政府办公厅（室）及相关机构事务|11.00|11.02|0.02|0.18|BOTH",
                "2|20805|行政事业单位养老支出|10.00||-10.00|-100.00|LAST_YEAR_ONLY",
                "2|21011|行政事业单位医疗||5.00|5.00||THIS_YEAR_ONLY");
        assertThat(rows(analyst.getForObject(yoy + "&by=functional&level=item", JsonNode.class))).contains(
                "3|2010301|行政运行|3.00|3.01|0.01|0.33|BOTH",
                "3|2010350|事业运行|8.00|8.01|0.01|0.13|BOTH",
                "3|2080505|机关事业单位基本养老保险缴费支出|10.00||-10.00|-100.00|LAST_YEAR_ONLY",
                "3|2101101|行政单位医疗||5.00|5.00||THIS_YEAR_ONLY");
        assertThat(rows(analyst.getForObject(yoy + "&by=economic", JsonNode.class))).containsExactly(
                "0||合计|21.00|16.02|-4.98|-23.71|BOTH",
                "1|301|工资福利支出|13.00|8.01|-4.99|-38.38|BOTH",
                "2|30101|基本工资|3.00|3.01|0.01|0.33|BOTH",
                "2|30108|机关事业单位基本养老保险缴费|10.00||-10.00|-100.00|LAST_YEAR_ONLY",
                "2|30110|职工基本医疗保险缴费||5.00|5.00||THIS_YEAR_ONLY",
                "1|302|商品和服务支出|8.00|8.01|0.01|0.13|BOTH",
                "2|30201|办公费|8.00|8.01|0.01|0.13|BOTH");

        ResponseEntity<String> csv = analyst.getForEntity(yoy + "&by=functional&level=class&format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody().split("\r\n")).contains("1,208,社会保障和就业支出,10.00,,-10.00,-100.00,仅上年有");
    }

    @Test
    void a_comparison_names_a_budget_of_the_same_department_and_known_dimensions() {
        twoYears("904");
        // a budget of another department
        openBudget("062", 2026, List.of());
        assertThat(analyst.getForEntity("/api/budgets/904-2026/yoy?against=904-2024", JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> other = analyst.getForEntity("/api/budgets/904-2026/yoy?against=062-2026", JsonNode.class);
        assertThat(other.getStatusCode().value()).isEqualTo(400);
        assertThat(other.getBody().get("rule").asText()).isEqualTo("other-department");
        assertThat(analyst.getForEntity("/api/budgets/904-2026/yoy?against=x%27", JsonNode.class).getStatusCode().value())
                .isEqualTo(400);
        assertThat(analyst.getForEntity("/api/budgets/904-2026/yoy?by=colour", JsonNode.class).getStatusCode().value())
                .isEqualTo(400);
        assertThat(analyst.getForEntity("/api/budgets/904-2026/yoy?level=deep", JsonNode.class).getStatusCode().value())
                .isEqualTo(400);
        assertThat(analyst.getForEntity("/api/budgets/904-2026/explanations?format=pdf", JsonNode.class)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(analyst.getForEntity("/api/budgets/904-2026/three-public?x=1", JsonNode.class)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void the_narrative_of_a_budget_whose_last_year_is_in_the_ledger_compares_with_it_and_flags_missing_reasons() {
        twoYears("905");
        await().atMost(Duration.ofSeconds(10)).until(() -> analyst.getForObject("/api/budgets/905-2026/explanations",
                JsonNode.class).get("lastYearBudgetId").asText().equals("905-2025"));
        JsonNode explanations = analyst.getForObject("/api/budgets/905-2026/explanations", JsonNode.class);
        assertThat(explanations.get("lastYearBudgetId").asText()).isEqualTo("905-2025");
        assertThat(explanations.at("/sections/0/text").asText()).contains("预算收入总计16.02万元",
                "比上年减少4.98万元，下降23.71%（未记录变动原因）");
        assertThat(explanations.get("warnings").toString()).contains("收入：比上年下降23.71%，超过10%，未记录变动原因");
        assertThat(explanations.at("/sections/8/flags/0").asText()).isEqualTo("政府采购：未录入本年政府采购预算");
    }
}
