package budgetledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP API on a real PostgreSQL, walked through as README's curl example does: open a budget, add two lines,
 * adjust one, transfer between them, try an overdraft; and the refusals with their problem details. Each test opens
 * a budget of its own (its own department code) and takes it as far as it needs ({@link #ledger}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class LedgerApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();
    static final String BUDGETS = "/api/budgets";

    TestRestTemplate http;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void signIn() {
        http = APP.finance();
    }

    ResponseEntity<JsonNode> post(String path, String body) {
        return LedgerApp.postJson(http, path, body);
    }

    JsonNode get(String path) {
        return http.getForObject(path, JsonNode.class);
    }

    static String adjustment(String lineId, String amount, String commandId) {
        return """
                {"lineId":"%s","amount":"%s","documentNo":"晋财预〔2026〕15号","reason":"追加办公经费","commandId":"%s"}"""
                .formatted(lineId, amount, commandId);
    }

    static String lines(String budgetId) {
        return BUDGETS + "/" + budgetId + "/lines";
    }

    /** Opens the budget of a department: its own unit (行政) and a 事业 unit. */
    ResponseEntity<JsonNode> open(String departmentCode) {
        return post(BUDGETS, """
                {"departmentCode":"%1$s","departmentName":"晋城市行政审批服务管理局","fiscalYear":2026,
                 "units":[{"code":"%1$s001","name":"晋城市行政审批服务管理局（本级）","type":"行政"},
                          {"code":"%1$s003","name":"晋城市公共资源交易中心","type":"事业"}]}""".formatted(departmentCode));
    }

    /** L1 (基本支出-公用经费, 1,289,300.00 元, the 行政 unit) and L2 (项目支出, 300,000.00 元, the 事业 unit). */
    List<ResponseEntity<JsonNode>> appropriateTwoLines(String departmentCode) {
        String budgetId = departmentCode + "-2026";
        return List.of(post(lines(budgetId), """
                {"unitCode":"%s001","functionalCode":"2010306","kind":"基本支出-公用经费","deptEconomicCode":"30201",
                 "govEconomicCode":"50201","fundingSource":"一般公共预算","origin":"当年","amount":"1289300.00",
                 "documentNo":"晋财预〔2026〕1号","reason":"年初预算","commandId":"open-1"}""".formatted(departmentCode)),
                post(lines(budgetId), """
                {"unitCode":"%s003","functionalCode":"2010399","kind":"PROJECT","fundingSource":"GENERAL_PUBLIC",
                 "origin":"CURRENT_YEAR","project":"云桌面租赁","amount":"300000",
                 "documentNo":"晋财预〔2026〕1号","reason":"年初预算","commandId":"open-2"}""".formatted(departmentCode)));
    }

    /** 追减 of 50,000.50 元 on L1 (adj-1), then 调剂 of 100,000.00 元 from L2 to L1 (tr-1). */
    List<ResponseEntity<JsonNode>> adjustAndTransfer(String budgetId) {
        return List.of(post(BUDGETS + "/" + budgetId + "/adjustments", adjustment("L1", "-50000.50", "adj-1")),
                post(BUDGETS + "/" + budgetId + "/transfers", """
                {"fromLineId":"L2","toLineId":"L1","amount":"100000","documentNo":"晋财预〔2026〕16号",
                 "reason":"调剂","commandId":"tr-1"}"""));
    }

    /** A department's budget as README's walk leaves it: opened, two lines, adjusted and transferred; its id. */
    String ledger(String departmentCode) {
        assertThat(open(departmentCode).getStatusCode().value()).isEqualTo(201);
        appropriateTwoLines(departmentCode).forEach(r -> assertThat(r.getStatusCode().value()).isEqualTo(201));
        String budgetId = departmentCode + "-2026";
        adjustAndTransfer(budgetId).forEach(r -> assertThat(r.getStatusCode().value()).isEqualTo(200));
        return budgetId;
    }

    @Test
    void opening_a_budget_answers_201_with_its_id() {
        ResponseEntity<JsonNode> response = open("062");
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("budgetId").asText()).isEqualTo("062-2026");
    }

    @Test
    void lines_are_appropriated_with_chinese_labels_and_get_ids() {
        open("063");
        List<ResponseEntity<JsonNode>> appropriated = appropriateTwoLines("063");
        ResponseEntity<JsonNode> basic = appropriated.get(0);
        ResponseEntity<JsonNode> project = appropriated.get(1);
        assertThat(basic.getStatusCode().value()).isEqualTo(201);
        assertThat(basic.getBody().get("lineId").asText()).isEqualTo("L1");
        assertThat(project.getStatusCode().value()).isEqualTo(201);
        assertThat(project.getBody().get("lineId").asText()).isEqualTo("L2");
        assertThat(project.getBody().get("amount").asText()).isEqualTo("300000.00");
    }

    @Test
    void an_adjustment_and_a_transfer_change_the_amounts_and_conserve_the_total() {
        open("064");
        appropriateTwoLines("064");
        String linesPath = lines("064-2026");
        List<ResponseEntity<JsonNode>> changed = adjustAndTransfer("064-2026");
        ResponseEntity<JsonNode> adjusted = changed.get(0);
        ResponseEntity<JsonNode> moved = changed.get(1);
        assertThat(adjusted.getStatusCode().value()).isEqualTo(200);
        assertThat(adjusted.getBody().at("/lines/0/amount").asText()).isEqualTo("1239299.50");

        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(moved.getBody().at("/lines/0/amount").asText()).isEqualTo("200000.00");
        assertThat(moved.getBody().at("/lines/1/amount").asText()).isEqualTo("1339299.50");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode lines = get(linesPath);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).get("amount").asText()).isEqualTo("1339299.50");
            assertThat(lines.get(1).get("amount").asText()).isEqualTo("200000.00");
        });
        JsonNode l1 = get(linesPath).get(0);
        assertThat(l1.get("appropriated").asText()).isEqualTo("1289300.00");
        assertThat(l1.get("kind").asText()).isEqualTo("基本支出-公用经费");
        assertThat(l1.get("functionalName").asText()).isEqualTo("政务公开审批");
        assertThat(l1.get("deptEconomicName").asText()).isEqualTo("办公费");
        assertThat(l1.get("govEconomicName").asText()).isEqualTo("办公经费");
        assertThat(l1.get("fundingSource").asText()).isEqualTo("一般公共预算");
        assertThat(get(linesPath).get(1).get("project").asText()).isEqualTo("云桌面租赁");
    }

    @Test
    void an_overdraft_is_a_409_problem_detail_naming_field_and_rule_and_records_nothing() {
        String budgetId = ledger("065");
        long before = DB.count("select count(*) from domain_event_entry");
        ResponseEntity<JsonNode> response = post(BUDGETS + "/" + budgetId + "/adjustments",
                adjustment("L2", "-200000.01", "adj-2"));
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("rule").asText()).isEqualTo("overdraft");
        assertThat(response.getBody().get("field").asText()).isEqualTo("amount");
        assertThat(response.getBody().get("detail").asText()).contains("L2", "200000.00");
        assertThat(DB.count("select count(*) from domain_event_entry")).isEqualTo(before);
    }

    @Test
    void a_retried_command_gets_the_same_answer_and_appends_nothing() {
        String budgetId = ledger("066");
        long before = DB.count("select count(*) from domain_event_entry");
        ResponseEntity<JsonNode> again = post(BUDGETS + "/" + budgetId + "/adjustments",
                adjustment("L1", "-50000.50", "adj-1"));
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("sequence").asLong()).isEqualTo(3);
        assertThat(again.getBody().at("/lines/0/amount").asText()).isEqualTo("1239299.50");
        assertThat(DB.count("select count(*) from domain_event_entry")).isEqualTo(before);
    }

    /** The same commandId with another body (amount, line, 文号) is a client's mistake, not a retry: 409. */
    @Test
    void a_command_id_sent_again_with_another_body_is_a_409_and_records_nothing() {
        String budgetId = ledger("067");
        long before = DB.count("select count(*) from domain_event_entry");
        for (String body : new String[] {adjustment("L1", "-50000.5", "adj-1"), adjustment("L1", "-50000.51", "adj-1"),
                adjustment("L2", "-50000.50", "adj-1"), adjustment("L1", "-50000.50", "adj-1").replace("15号", "99号")}) {
            ResponseEntity<JsonNode> answer = post(BUDGETS + "/" + budgetId + "/adjustments", body);
            if (body.contains("-50000.5\"")) {
                // the same amount written another way is the same command: the first answer
                assertThat(answer.getStatusCode().value()).isEqualTo(200);
                continue;
            }
            assertThat(answer.getStatusCode().value()).as(body).isEqualTo(409);
            assertThat(answer.getBody().get("rule").asText()).isEqualTo("command-id-reused");
            assertThat(answer.getBody().get("field").asText()).isEqualTo("commandId");
        }
        assertThat(DB.count("select count(*) from domain_event_entry")).isEqualTo(before);
        assertThat(DB.count("select count(*) from domain_event_entry where aggregate_identifier = ? and "
                + "convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' = 'adj-1' "
                + "and jsonb_exists(convert_from(meta_data, 'UTF8')::jsonb, 'commandFingerprint')", budgetId))
                .isEqualTo(1);
    }

    @Test
    void every_change_is_an_event_in_the_postgresql_store_in_order() {
        String budgetId = ledger("068");
        assertThat(DB.count("select count(*) from domain_event_entry where aggregate_identifier = ?", budgetId))
                .isEqualTo(5);
        assertThat(DB.count("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and sequence_number = 4 and payload_type = 'BudgetAmountTransferred'
                and convert_from(payload, 'UTF8')::jsonb ->> 'amountFen' = '10000000'""", budgetId)).isEqualTo(1);
    }

    @Test
    void malformed_input_is_a_400_naming_the_field() {
        String budgetId = ledger("069");
        String linesPath = lines(budgetId);
        ResponseEntity<JsonNode> letters = post(BUDGETS + "/" + budgetId + "/adjustments",
                adjustment("L1", "12a.00", "bad-1"));
        assertThat(letters.getStatusCode().value()).isEqualTo(400);
        assertThat(letters.getBody().get("field").asText()).isEqualTo("amount");

        ResponseEntity<JsonNode> kind = post(linesPath, """
                {"unitCode":"069001","functionalCode":"2010306","kind":"基本","fundingSource":"一般公共预算",
                 "origin":"当年","amount":"1","documentNo":"x","reason":"y","commandId":"bad-2"}""");
        assertThat(kind.getStatusCode().value()).isEqualTo(400);
        assertThat(kind.getBody().get("field").asText()).isEqualTo("kind");
        assertThat(kind.getBody().get("detail").asText()).contains("项目支出");

        ResponseEntity<JsonNode> code = post(linesPath, """
                {"unitCode":"069001","functionalCode":"2019998","kind":"项目支出","fundingSource":"一般公共预算",
                 "origin":"当年","project":"p","amount":"1","documentNo":"x","reason":"y","commandId":"bad-3"}""");
        assertThat(code.getStatusCode().value()).isEqualTo(400);
        assertThat(code.getBody().get("rule").asText()).isEqualTo("unknown-code");

        ResponseEntity<JsonNode> broken = post(BUDGETS + "/" + budgetId + "/adjustments", "{\"lineId\":");
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat(broken.getBody().get("rule").asText()).isEqualTo("malformed-json");
    }

    @Test
    void unknown_budgets_and_lines_are_404() {
        String budgetId = ledger("070");
        String linesPath = lines(budgetId);
        ResponseEntity<JsonNode> budget = post("/api/budgets/999-2026/adjustments", adjustment("L1", "1", "nf-1"));
        assertThat(budget.getStatusCode().value()).isEqualTo(404);
        assertThat(budget.getBody().get("field").asText()).isEqualTo("budgetId");

        ResponseEntity<JsonNode> line = post(BUDGETS + "/" + budgetId + "/adjustments", adjustment("L7", "1", "nf-2"));
        assertThat(line.getStatusCode().value()).isEqualTo(404);
        assertThat(line.getBody().get("rule").asText()).isEqualTo("unknown-line");

        assertThat(http.getForEntity("/api/budgets/999-2026/lines", JsonNode.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(http.getForEntity(linesPath + "/L7", JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(get(linesPath + "/L2").get("amount").asText()).isEqualTo("200000.00");
    }

    @Test
    void opening_the_same_budget_twice_is_a_409() {
        assertThat(open("071").getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> response = post(BUDGETS, """
                {"departmentCode":"071","departmentName":"晋城市行政审批服务管理局","fiscalYear":2026,
                 "units":[{"code":"071001","name":"本级","type":"行政"}]}""");
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("rule").asText()).isEqualTo("budget-exists");
    }

    @Test
    void the_budget_list_shows_department_year_and_units() {
        assertThat(open("072").getStatusCode().value()).isEqualTo(201);
        // Other tests' budgets share the application: this test's budget is the one entry of its department.
        List<JsonNode> budgets = new java.util.ArrayList<>();
        get(BUDGETS).forEach(budget -> {
            if (budget.get("budgetId").asText().startsWith("072-")) {
                budgets.add(budget);
            }
        });
        assertThat(budgets).hasSize(1);
        assertThat(budgets.get(0).get("budgetId").asText()).isEqualTo("072-2026");
        assertThat(budgets.get(0).at("/units/1/type").asText()).isEqualTo("事业");
    }
}
