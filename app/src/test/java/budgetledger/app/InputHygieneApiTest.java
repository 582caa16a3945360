package budgetledger.app;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text and JSON the ledger refuses, through the API: each refusal a 400 problem detail naming the field and the
 * rule, and the event store exactly as it was. Each test works on a budget of its own department ({@link #budgetWithALine}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class InputHygieneApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();

    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        http = APP.finance();
    }

    ResponseEntity<JsonNode> post(String path, String body) {
        return LedgerApp.postJson(http, path, body);
    }

    long events() {
        return DB.count("select count(*) from domain_event_entry");
    }

    /** Sends the body, expects 400 with this field and rule, and no new event. */
    void refused(String path, String body, String field, String rule) {
        long before = events();
        ResponseEntity<JsonNode> answer = post(path, body);
        assertThat(answer.getStatusCode().value()).as(body).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getBody().get("field").asText()).as(body).isEqualTo(field);
        assertThat(answer.getBody().get("rule").asText()).as(body).isEqualTo(rule);
        assertThat(events()).isEqualTo(before);
    }

    static String adjustment(String reason, String documentNo, String commandId) {
        return """
                {"lineId":"L1","amount":"1","documentNo":"%s","reason":"%s","commandId":"%s"}"""
                .formatted(documentNo, reason, commandId);
    }

    /** Opens a department's budget with one project line, L1; the budget's path. */
    String budgetWithALine(String departmentCode) {
        assertThat(post("/api/budgets", """
                {"departmentCode":"%1$s","departmentName":"晋城市行政审批服务管理局","fiscalYear":2026,
                 "units":[{"code":"%1$s001","name":"本级","type":"行政"}]}""".formatted(departmentCode))
                .getStatusCode().value()).isEqualTo(201);
        String budget = "/api/budgets/" + departmentCode + "-2026";
        assertThat(post(budget + "/lines", """
                {"unitCode":"%s001","functionalCode":"2010306","kind":"项目支出","fundingSource":"一般公共预算",
                 "origin":"当年","project":"云桌面服务费","amount":"1000","documentNo":"晋财预〔2026〕1号",
                 "reason":"年初预算","commandId":"open-1"}""".formatted(departmentCode)).getStatusCode().value())
                .isEqualTo(201);
        return budget;
    }

    @Test
    void a_budget_and_a_line_to_work_on() {
        budgetWithALine("062");
    }

    @Test
    void control_bidi_zero_width_and_invisible_only_text_is_refused_naming_the_field() {
        String budget = budgetWithALine("065");
        String adjust = budget + "/adjustments";
        refused(adjust, adjustment("追加\\u0000", "文号", "h-1"), "reason", "control-character");
        refused(adjust, adjustment("追加", "晋财\\u202E号", "h-2"), "documentNo", "bidi-control");
        refused(adjust, adjustment("追\\u200B加", "文号", "h-3"), "reason", "invisible-character");
        refused(adjust, adjustment("\\u3000\\u3164", "文号", "h-4"), "reason", "invisible-only");
        refused(adjust, adjustment("追加", "文号", "h-5\\u0000"), "commandId", "control-character");
        refused(budget + "/lines", """
                {"unitCode":"065001","functionalCode":"2010306","kind":"项目支出","fundingSource":"一般公共预算",
                 "origin":"当年","project":"=HYPERLINK(\\"x\\")\\u0000","amount":"1","documentNo":"文号",
                 "reason":"年初预算","commandId":"h-6"}""", "project", "control-character");
    }

    @Test
    void codes_are_ascii_digits() {
        refused("/api/budgets", """
                {"departmentCode":"063","departmentName":"某局","fiscalYear":2026,
                 "units":[{"code":"../../etc/passwd","name":"本级","type":"行政"}]}""", "units[0].code", "malformed-code");
        refused("/api/budgets", """
                {"departmentCode":"063","departmentName":"某局","fiscalYear":2026,
                 "units":[{"code":"０６３００１","name":"本级","type":"行政"}]}""", "units[0].code", "malformed-code");
    }

    @Test
    void json_is_read_strictly() {
        String adjust = budgetWithALine("066") + "/adjustments";
        refused(adjust, """
                {"lineId":"L1","amount":"1","amount":"1000000","documentNo":"文号","reason":"追加","commandId":"j-1"}""",
                "amount", "duplicate-key");
        refused(adjust, adjustment("追加", "文号", "j-2") + " {\"x\":1}", "body", "malformed-json");
        refused("/api/budgets", """
                {"departmentCode":"064","departmentName":"某局","fiscalYear":2026.9,
                 "units":[{"code":"064001","name":"本级","type":"行政"}]}""", "fiscalYear", "malformed-json");
    }

    @Test
    void a_document_with_a_control_character_is_refused_before_it_is_read() {
        long before = events();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        String document = SampleText.seed().replaceFirst("晋城市", "晋城市\u0000");
        ResponseEntity<JsonNode> answer = http.postForEntity("/api/disclosures",
                new HttpEntity<>(document.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("field").asText()).isEqualTo("body");
        assertThat(answer.getBody().get("rule").asText()).isEqualTo("control-character");
        assertThat(events()).isEqualTo(before);
    }

    /** A file name is text like any other: a CR/LF in it (a forged log line) is refused before anything is logged. */
    @Test
    void a_line_item_file_name_with_a_line_break_is_refused() {
        String budget = budgetWithALine("067");
        long before = events();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        String csv = "序号,单位编码,功能分类编码,支出类型,部门经济分类编码,政府经济分类编码,资金来源,当年或上年结转,项目名称,金额（元）,文号,说明\r\n"
                + "1,067001,2010306,项目支出,,,一般公共预算,当年,云桌面运维,100,文号,年初预算\r\n";
        ResponseEntity<JsonNode> answer = http.postForEntity(
                java.net.URI.create(budget + "/line-imports?fileName=a.csv%0D%0AINFO%20forged"),
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody().get("field").asText()).isEqualTo("fileName");
        assertThat(answer.getBody().get("rule").asText()).isEqualTo("control-character");
        assertThat(events()).isEqualTo(before);
    }
}
