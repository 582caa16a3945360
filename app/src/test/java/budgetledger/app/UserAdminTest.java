package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An admin manages users over the API; what that changes is what the next sign-in sees. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class UserAdminTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();

    @Autowired
    TestRestTemplate server;

    ResponseEntity<JsonNode> admin(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return server.withBasicAuth("admin", TestUsers.password(Role.ADMIN))
                .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    int budgetsAs(String name, String password) {
        return server.withBasicAuth(name, password).getForEntity("/api/budgets", JsonNode.class).getStatusCode().value();
    }

    /** Adds the user through the admin API and signs in as them once (200). */
    void addAndSignIn(String name, String role, String password) {
        assertThat(admin(HttpMethod.POST, "/api/admin/users", """
                {"name":"%s","role":"%s","password":"%s"}""".formatted(name, role, password)).getStatusCode().value())
                .isEqualTo(201);
        assertThat(budgetsAs(name, password)).isEqualTo(200);
    }

    /**
     * A user disabled behind this node's back (by another node, or the users command) is refused once the account
     * this node signed in with has aged out of its cache (a second by default); the same change through this node is
     * refused at once (above).
     */
    @Test
    void a_user_disabled_elsewhere_is_refused_once_the_kept_account_ages_out() {
        addAndSignIn("wang.wu", "analyst", "wang-wu-password-1");
        assertThat(APP.database().update("update app_user set enabled = false, session_epoch = session_epoch + 1 "
                + "where user_name = ?", "wang.wu")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(budgetsAs("wang.wu", "wang-wu-password-1")).isEqualTo(401));
    }

    @Test
    void a_user_added_re_passworded_and_disabled_signs_in_accordingly() {
        addAndSignIn("chen.qi", "auditor", "chen-qi-password-1");

        assertThat(admin(HttpMethod.PUT, "/api/admin/users/chen.qi/password", """
                {"password":"chen-qi-password-2"}""").getStatusCode().value()).isEqualTo(204);
        assertThat(budgetsAs("chen.qi", "chen-qi-password-1")).isEqualTo(401);
        assertThat(budgetsAs("chen.qi", "chen-qi-password-2")).isEqualTo(200);

        assertThat(admin(HttpMethod.PUT, "/api/admin/users/chen.qi/enabled", """
                {"enabled":false}""").getStatusCode().value()).isEqualTo(204);
        assertThat(budgetsAs("chen.qi", "chen-qi-password-2")).isEqualTo(401);

        JsonNode list = admin(HttpMethod.GET, "/api/admin/users", null).getBody();
        assertThat(list.toString()).contains("\"name\":\"chen.qi\",\"role\":\"AUDITOR\",\"enabled\":false")
                .doesNotContain("$2", "password");
    }

    @Test
    void bad_user_changes_are_problem_details() {
        ResponseEntity<JsonNode> weak = admin(HttpMethod.POST, "/api/admin/users", """
                {"name":"zhou.ba","role":"ANALYST","password":"short"}""");
        assertThat(weak.getStatusCode().value()).isEqualTo(400);
        assertThat(weak.getBody().get("field").asText()).isEqualTo("password");

        ResponseEntity<JsonNode> taken = admin(HttpMethod.POST, "/api/admin/users", """
                {"name":"finance","role":"ANALYST","password":"long-enough-password"}""");
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(taken.getBody().get("rule").asText()).isEqualTo("user-exists");

        ResponseEntity<JsonNode> lastAdmin = admin(HttpMethod.PUT, "/api/admin/users/admin/enabled", """
                {"enabled":false}""");
        assertThat(lastAdmin.getStatusCode().value()).isEqualTo(409);
        assertThat(lastAdmin.getBody().get("rule").asText()).isEqualTo("last-admin");

        assertThat(admin(HttpMethod.PUT, "/api/admin/users/nobody/password", """
                {"password":"long-enough-password"}""").getStatusCode().value()).isEqualTo(404);
    }
}
