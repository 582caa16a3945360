package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A budget filled to its limits (ten lines of 10^13 元, 10^14 元 in all): what goes past a limit is 409 naming the
 * rule, and every read of the full budget answers with exact figures, not 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LedgerLimitsApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();
    static final String BUDGET = "/api/budgets/066-2026";


    ResponseEntity<JsonNode> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return APP.finance()
                .postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<String> read(String path) {
        return APP.as(Role.ANALYST)
                .getForEntity(path, String.class);
    }

    static String line(String amount, String commandId) {
        return """
                {"unitCode":"066001","functionalCode":"2010306","kind":"基本支出-公用经费","deptEconomicCode":"30201",
                 "govEconomicCode":"50201","fundingSource":"一般公共预算","origin":"当年","amount":"%s",
                 "documentNo":"文号","reason":"年初预算","commandId":"%s"}""".formatted(amount, commandId);
    }

    @Test
    void past_the_line_and_budget_limits_is_409_and_a_full_budget_still_renders() {
        assertThat(post("/api/budgets", """
                {"departmentCode":"066","departmentName":"某局","fiscalYear":2026,
                 "units":[{"code":"066001","name":"本级","type":"行政"}]}""").getStatusCode().value()).isEqualTo(201);
        for (int n = 1; n <= 10; n++) {
            assertThat(post(BUDGET + "/lines", line("10000000000000", "full-" + n)).getStatusCode().value()).isEqualTo(201);
        }
        long events = DB.count("select count(*) from domain_event_entry");

        ResponseEntity<JsonNode> eleventh = post(BUDGET + "/lines", line("0.01", "over-1"));
        assertThat(eleventh.getStatusCode().value()).isEqualTo(409);
        assertThat(eleventh.getBody().get("rule").asText()).isEqualTo("budget-limit");
        assertThat(eleventh.getBody().get("field").asText()).isEqualTo("amount");

        ResponseEntity<JsonNode> increase = post(BUDGET + "/adjustments", """
                {"lineId":"L1","amount":"0.01","documentNo":"文号","reason":"追加","commandId":"over-2"}""");
        assertThat(increase.getStatusCode().value()).isEqualTo(409);
        assertThat(increase.getBody().get("rule").asText()).isEqualTo("line-limit");

        ResponseEntity<JsonNode> tooLarge = post(BUDGET + "/adjustments", """
                {"lineId":"L1","amount":"99999999999999999999","documentNo":"文号","reason":"追加","commandId":"over-3"}""");
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLarge.getBody().get("rule").asText()).isEqualTo("too-large");
        assertThat(DB.count("select count(*) from domain_event_entry")).isEqualTo(events);

        // 10^14 元 = 10,000,000,000.00 万元, exactly
        ResponseEntity<String> table = read(BUDGET + "/tables/3?format=csv");
        assertThat(table.getStatusCode().value()).isEqualTo(200);
        assertThat(table.getBody()).contains("合计,,10000000000.00,10000000000.00,");
        for (String path : new String[] {"/tables", "/tables/1", "/tables/6", "/yoy", "/yoy?by=functional&format=csv",
                "/explanations", "/three-public", "/lines"}) {
            assertThat(read(BUDGET + path).getStatusCode().value()).as(path).isEqualTo(200);
        }
    }
}
