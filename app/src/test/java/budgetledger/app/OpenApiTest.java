package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The API description: served to any signed-in user, not to anonymous callers, with the error format in it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class OpenApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();

    @Autowired
    TestRestTemplate server;

    @Test
    void every_role_reads_the_description_with_the_problem_format_and_the_endpoints() {
        for (Role role : Role.values()) {
            ResponseEntity<JsonNode> docs = APP.as(role)
                    .getForEntity("/v3/api-docs", JsonNode.class);
            assertThat(docs.getStatusCode().value()).as("%s", role).isEqualTo(200);
        }
        JsonNode api = APP.as(Role.ANALYST)
                .getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        JsonNode problem = api.at("/components/schemas/Problem/properties");
        assertThat(problem.has("type") && problem.has("rule") && problem.has("field") && problem.has("problems")).isTrue();
        JsonNode adjust = api.at("/paths/~1api~1budgets~1{budgetId}~1adjustments/post/responses");
        assertThat(adjust.at("/409/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.at("/paths/~1api~1disclosures/post/responses").has("422")).isTrue();
        assertThat(api.at("/paths/~1api~1disclosures/post/requestBody/content").has("application/pdf"))
                .as(api.at("/paths/~1api~1disclosures/post").toString()).isTrue();
        assertThat(api.at("/paths").has("/api/budgets/{budgetId}/disclosure")).isTrue();
    }

    @Test
    void the_browser_page_is_served_to_a_signed_in_user() {
        ResponseEntity<String> page = APP.auditor()
                .getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("swagger-ui");
        ResponseEntity<String> redirect = server.withBasicAuth(TestUsers.name(Role.AUDITOR),
                TestUsers.password(Role.AUDITOR)).getForEntity("/swagger-ui.html", String.class);
        assertThat(redirect.getStatusCode().is2xxSuccessful()).isTrue();
    }

    @Test
    void anonymous_callers_are_not_served() {
        for (String path : new String[]{"/v3/api-docs", "/swagger-ui/index.html"}) {
            ResponseEntity<String> answer = server.getForEntity(path, String.class);
            String body = answer.getBody() == null ? "" : answer.getBody();
            // A 401 for a script, or (the client follows the redirect) the login form; never the description.
            assertThat(answer.getStatusCode().value() == 401 || body.contains("name=\"password\"")).as(path).isTrue();
            assertThat(body).as(path).doesNotContain("\"openapi\"", "swagger-ui-bundle");
        }
    }
}
