package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import budgetledger.security.SignInThrottle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.ReflectionTestUtils;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static budgetledger.app.FormSession.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in: throttled per user and per address (Basic and the form alike), passwords that are common or trivial
 * refused, a user changes their own password in the console, and sessions end when a user is re-passworded or
 * disabled. The throttle's counts are asserted, not its timing: the lock (60 s) outlasts the test. Each test starts
 * with no failures counted (the throttle's counts are forgotten before it) and with users of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SignInTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();

    @Autowired
    TestRestTemplate server;
    @Autowired
    SignInThrottle throttle;
    @LocalServerPort
    int port;

    /** Every test from a clean slate: the counts of earlier tests' failures (in this node's memory) forgotten. */
    @BeforeEach
    void forgetFailures() {
        ((Map<?, ?>) ReflectionTestUtils.getField(throttle, "failures")).clear();
    }

    /** A FINANCE user of a test's own, with a strong password. */
    void user(String name, String password) {
        assertThat(admin(HttpMethod.POST, "/api/admin/users", """
                {"name":"%s","role":"FINANCE","password":"%s"}""".formatted(name, password)).getStatusCode().value())
                .isEqualTo(201);
    }

    int budgetsAs(String name, String password) {
        return server.withBasicAuth(name, password).getForEntity("/api/budgets", String.class).getStatusCode().value();
    }

    ResponseEntity<JsonNode> admin(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return server.withBasicAuth("admin", TestUsers.password(Role.ADMIN))
                .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void five_wrong_passwords_lock_the_user_and_then_even_the_right_one_is_429_with_retry_after() throws IOException {
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < 15; i++) {
            String password = i < 10 ? "wrong-guess-" + i : TestUsers.password(Role.FINANCE);
            ResponseEntity<String> answer = server.withBasicAuth("finance", password)
                    .getForEntity("/api/budgets", String.class);
            if (answer.getStatusCode().value() == 401) {
                unauthorized++;
            } else if (answer.getStatusCode().value() == 429) {
                throttled++;
                long retryAfter = Long.parseLong(answer.getHeaders().getFirst("Retry-After"));
                assertThat(retryAfter).isBetween(1L, 60L);
                assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
                JsonNode problem = new ObjectMapper().readTree(answer.getBody());
                assertThat(problem.get("rule").asText()).isEqualTo("too-many-sign-ins");
                assertThat(problem.get("status").asInt()).isEqualTo(429);
            }
        }
        assertThat(unauthorized).isEqualTo(5);
        assertThat(throttled).isEqualTo(10);
        // another user from the same address is not locked by finance's failures
        assertThat(budgetsAs("auditor", TestUsers.password(Role.AUDITOR))).isEqualTo(200);
    }

    @Test
    void a_right_password_clears_the_user_s_count_of_wrong_ones() {
        // Four wrong, the right one, one more wrong: five failures in all, which would lock the user (the next right
        // one 429) if the success had not cleared the first four. Basic and the login form sign in the same way.
        String right = TestUsers.password(Role.FINANCE);
        for (int i = 0; i < 4; i++) {
            assertThat(budgetsAs("finance", "wrong-guess-" + i)).isEqualTo(401);
        }
        assertThat(budgetsAs("finance", right)).isEqualTo(200);
        assertThat(budgetsAs("finance", "wrong-guess-4")).isEqualTo(401);
        assertThat(budgetsAs("finance", right)).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(location(new FormSession(port).signIn("analyst", "wrong-guess-" + i))).contains("/login?error");
        }
        String analyst = TestUsers.password(Role.ANALYST);
        assertThat(formSignIn(analyst)).isEqualTo("signed in");
        assertThat(location(new FormSession(port).signIn("analyst", "wrong-guess-4"))).contains("/login?error");
        assertThat(formSignIn(analyst)).isEqualTo("signed in");

        // Five in a row since the last success still lock (ten failures from this address so far: under its 20).
        for (int i = 0; i < 5; i++) {
            assertThat(budgetsAs("finance", "wrong-guess-again-" + i)).isEqualTo(401);
        }
        assertThat(budgetsAs("finance", right)).isEqualTo(429);
    }

    /** The analyst's sign-in through the form: "signed in", or the status and where it was sent instead. */
    String formSignIn(String password) {
        HttpResponse<String> answer = new FormSession(port).signIn("analyst", password);
        return answer.statusCode() == 302 && !location(answer).contains("/login")
                ? "signed in" : answer.statusCode() + " " + location(answer);
    }

    @Test
    void the_login_form_is_throttled_like_basic() {
        FormSession browser = new FormSession(port);
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> answer = browser.signIn("analyst", "wrong-guess-" + i);
            if (answer.statusCode() == 302 && location(answer).contains("/login?error")) {
                refused++;
            } else if (answer.statusCode() == 429) {
                throttled++;
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.body()).contains("too-many-sign-ins");
            }
        }
        assertThat(refused).isEqualTo(5);
        assertThat(throttled).isEqualTo(3);
        assertThat(new FormSession(port).signIn("analyst", TestUsers.password(Role.ANALYST)).statusCode())
                .isEqualTo(429);
    }

    @Test
    void common_and_trivial_passwords_are_refused() {
        int refused = 0;
        for (String weak : new String[] {"aaaaaaaaaaaa", "            ", "password1234", "qwertyuiop12", "123456789012",
                "zhang.san.2026", "budgetledger"}) {
            ResponseEntity<JsonNode> answer = admin(HttpMethod.POST, "/api/admin/users", """
                    {"name":"zhang.san","role":"FINANCE","password":"%s"}""".formatted(weak));
            if (answer.getStatusCode().value() == 400 && answer.getBody().get("rule").asText().equals("weak-password")) {
                assertThat(answer.getBody().get("field").asText()).isEqualTo("password");
                refused++;
            }
        }
        assertThat(refused).isEqualTo(7);
        assertThat(admin(HttpMethod.POST, "/api/admin/users", """
                {"name":"zhang.san","role":"FINANCE","password":"clarify-lantern-91-gravel"}""").getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void a_user_changes_their_own_password_and_every_session_of_theirs_ends() {
        user("li.si", "clarify-lantern-91-gravel");
        FormSession here = new FormSession(port);
        FormSession elsewhere = new FormSession(port);
        assertThat(location(here.signIn("li.si", "clarify-lantern-91-gravel"))).doesNotContain("error");
        assertThat(location(elsewhere.signIn("li.si", "clarify-lantern-91-gravel"))).doesNotContain("error");
        assertThat(here.get("/account/password").statusCode()).isEqualTo(200);

        HttpResponse<String> weak = here.post("/account/password", Map.of("currentPassword", "clarify-lantern-91-gravel",
                "newPassword", "aaaaaaaaaaaa", "repeatPassword", "aaaaaaaaaaaa"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("密码太常见或太简单");
        HttpResponse<String> wrongCurrent = here.post("/account/password", Map.of("currentPassword", "not-it",
                "newPassword", "orchard-97-basalt-sluice", "repeatPassword", "orchard-97-basalt-sluice"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("当前密码不正确");

        HttpResponse<String> changed = here.post("/account/password", Map.of("currentPassword", "clarify-lantern-91-gravel",
                "newPassword", "orchard-97-basalt-sluice", "repeatPassword", "orchard-97-basalt-sluice"));
        assertThat(location(changed)).contains("/login?changed");
        assertThat(location(here.get("/"))).contains("/login?expired");
        assertThat(location(elsewhere.get("/"))).contains("/login?expired");
        assertThat(budgetsAs("li.si", "clarify-lantern-91-gravel")).isEqualTo(401);
        assertThat(budgetsAs("li.si", "orchard-97-basalt-sluice")).isEqualTo(200);
        FormSession again = new FormSession(port);
        assertThat(location(again.signIn("li.si", "orchard-97-basalt-sluice"))).doesNotContain("error");
        assertThat(again.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void a_disabled_user_s_open_session_ends_and_records_nothing() {
        user("wang.wu", "orchard-97-basalt-sluice");
        FormSession session = new FormSession(port);
        assertThat(location(session.signIn("wang.wu", "orchard-97-basalt-sluice"))).doesNotContain("error");
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        long events = DB.count("select count(*) from domain_event_entry");
        assertThat(admin(HttpMethod.PUT, "/api/admin/users/wang.wu/enabled", """
                {"enabled":false}""").getStatusCode().value()).isEqualTo(204);

        HttpResponse<String> post = session.post("/budgets/062-2026/adjustments", Map.of("lineId", "L1",
                "amount", "1", "documentNo", "文号", "reason", "追加"));
        assertThat(location(post)).contains("/login?expired");
        assertThat(location(session.get("/"))).contains("/login");
        assertThat(DB.count("select count(*) from domain_event_entry")).isEqualTo(events);
    }

    @Test
    void twenty_failures_from_one_address_lock_the_address_for_every_name() {
        // 11 failures from this address first, as a morning of mistyped passwords (no name more than its 5 free
        // failures); nine more with names nobody has reach the limit of 20, and the tenth is refused unchecked.
        for (int i = 0; i < 11; i++) {
            assertThat(budgetsAs("earlier" + i, "wrong-guess")).isEqualTo(401);
        }
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < 10; i++) {
            int status = budgetsAs("guess" + i, "wrong-guess");
            unauthorized += status == 401 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(unauthorized).isEqualTo(9);
        assertThat(throttled).isEqualTo(1);
        assertThat(budgetsAs("auditor", TestUsers.password(Role.AUDITOR))).isEqualTo(429);
        assertThat(budgetsAs("someone-else", "whatever")).isEqualTo(429);
    }
}
