package budgetledger.app;

import budgetledger.security.Role;
import budgetledger.security.UserAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The actor on an event is who signed in, whatever the request claims. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class ActorTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();
    static final String META = "convert_from(meta_data, 'UTF8')::jsonb";

    @Autowired
    TestRestTemplate server;
    @Autowired
    UserAccounts users;

    ResponseEntity<JsonNode> post(String user, String password, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor", "mallory");
        headers.set("X-Forwarded-User", "mallory");
        return server.withBasicAuth(user, password).postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void the_actor_recorded_on_an_adjustment_is_the_signed_in_user_not_the_one_claimed() {
        String finance = TestUsers.password(Role.FINANCE);
        assertThat(post("finance", finance, "/api/budgets", """
                {"departmentCode":"401","departmentName":"操作人测试局","fiscalYear":2026,"actor":"mallory",
                 "units":[{"code":"401001","name":"本级","type":"行政"}]}""").getStatusCode().value()).isEqualTo(201);
        assertThat(post("finance", finance, "/api/budgets/401-2026/lines", """
                {"unitCode":"401001","functionalCode":"2010306","kind":"基本支出-公用经费","deptEconomicCode":"30201",
                 "govEconomicCode":"50201","fundingSource":"一般公共预算","origin":"当年","amount":"1000",
                 "documentNo":"文号","reason":"年初预算","commandId":"a-1","actor":"mallory"}""")
                .getStatusCode().value()).isEqualTo(201);
        users.add("zhang.san", Role.FINANCE, "zhang-san-password");

        ResponseEntity<JsonNode> adjusted = post("zhang.san", "zhang-san-password", "/api/budgets/401-2026/adjustments", """
                {"lineId":"L1","amount":"-10","documentNo":"文号","reason":"追减","commandId":"a-2",
                 "actor":"mallory","metadata":{"actor":"mallory"}}""");
        assertThat(adjusted.getStatusCode().value()).isEqualTo(200);

        String adjustment = "aggregate_identifier = '401-2026' and payload_type = 'BudgetLineAdjusted'";
        assertThat(DB.text("select " + META + " ->> 'actor' from domain_event_entry where " + adjustment))
                .isEqualTo("zhang.san");
        assertThat(DB.text("select " + META + " ->> 'source' from domain_event_entry where " + adjustment))
                .isEqualTo("api");
        // Axon's own correlation keys are still copied alongside.
        assertThat(DB.text("select " + META + " ->> 'traceId' from domain_event_entry where " + adjustment)).isNotBlank();
        assertThat(DB.count("select count(*) from domain_event_entry where aggregate_identifier = '401-2026' and "
                + META + " ->> 'actor' = 'finance'")).isEqualTo(2);
        assertThat(DB.count("select count(*) from domain_event_entry where " + META + " ->> 'actor' = 'mallory' "
                + "or convert_from(payload, 'UTF8') like '%mallory%'")).isZero();
    }
}
