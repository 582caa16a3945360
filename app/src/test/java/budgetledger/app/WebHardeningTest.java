package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
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

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smaller promises of issue 15: a checkpoint only by POST; cross-site state changes refused; CSP and
 * Referrer-Policy; no session for anonymous visitors and a SameSite session cookie; health details only for
 * signed-in users; history paging bounded; errors as problem details that name no class. A test that needs a budget
 * opens one of its own department ({@link #budget}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WebHardeningTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();

    @Autowired
    TestRestTemplate server;
    @LocalServerPort
    int port;

    ResponseEntity<JsonNode> openBudget(String code, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.addAll(extra);
        return APP.as(Role.FINANCE).postForEntity("/api/budgets", new HttpEntity<>("""
                {"departmentCode":"%s","departmentName":"某局","fiscalYear":2026,
                 "units":[{"code":"%s001","name":"本级","type":"行政"}]}""".formatted(code, code), headers), JsonNode.class);
    }

    /** A department's budget, opened from the same site; its id. */
    String budget(String code) {
        assertThat(openBudget(code, new HttpHeaders()).getStatusCode().value()).isEqualTo(201);
        return code + "-2026";
    }

    long events() {
        return DB.count("select count(*) from domain_event_entry");
    }

    @Test
    void a_cross_site_state_change_is_refused_and_records_nothing() {
        long before = events();
        HttpHeaders evil = new HttpHeaders();
        evil.set("Origin", "https://evil.example");
        ResponseEntity<JsonNode> fromElsewhere = openBudget("081", evil);
        assertThat(fromElsewhere.getStatusCode().value()).isEqualTo(403);
        assertThat(fromElsewhere.getBody().get("rule").asText()).isEqualTo("cross-site-request");

        HttpHeaders fetched = new HttpHeaders();
        fetched.set("Sec-Fetch-Site", "cross-site");
        assertThat(openBudget("081", fetched).getStatusCode().value()).isEqualTo(403);
        HttpHeaders nullOrigin = new HttpHeaders();
        nullOrigin.set("Origin", "null");
        assertThat(openBudget("081", nullOrigin).getStatusCode().value()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);

        HttpHeaders sameOrigin = new HttpHeaders();
        sameOrigin.set("Origin", "http://localhost:" + port);
        sameOrigin.set("Sec-Fetch-Site", "same-origin");
        assertThat(openBudget("081", sameOrigin).getStatusCode().value()).isEqualTo(201);
        // reads are not state changes: a cross-site GET is answered (the browser keeps the answer from the page)
        assertThat(APP.as(Role.FINANCE).exchange("/api/budgets/081-2026", HttpMethod.GET, new HttpEntity<>(evil),
                JsonNode.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void a_checkpoint_is_taken_by_post_only() {
        ResponseEntity<JsonNode> byGet = APP.as(Role.AUDITOR).getForEntity("/api/audit/checkpoint", JsonNode.class);
        assertThat(byGet.getStatusCode().value()).isEqualTo(405);
        assertThat(byGet.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        long checkpoints = DB.count("select count(*) from audit_checkpoint");
        assertThat(APP.as(Role.AUDITOR).postForEntity("/api/audit/checkpoint", null, JsonNode.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(DB.count("select count(*) from audit_checkpoint")).isEqualTo(checkpoints + 1);
    }

    @Test
    void pages_and_api_answers_carry_a_content_security_policy_and_a_referrer_policy() {
        for (ResponseEntity<String> answer : List.of(server.getForEntity("/login", String.class),
                APP.as(Role.ANALYST).getForEntity("/api/budgets", String.class))) {
            assertThat(answer.getHeaders().getFirst("Content-Security-Policy"))
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
            assertThat(answer.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        }
    }

    HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> sessionCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).toList();
    }

    @Test
    void anonymous_visitors_get_no_session_and_a_signed_in_one_gets_a_same_site_cookie() throws Exception {
        budget("082");
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = get(client, "/budgets/082-2026");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(sessionCookies(page)).isEmpty();
        HttpResponse<String> login = get(client, "/login");
        assertThat(sessionCookies(login)).isEmpty();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(sessionCookies(health)).isEmpty();

        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).isTrue();
        String form = "username=analyst&password=" + URLEncoder.encode(TestUsers.password(Role.ANALYST),
                StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        // back to the page asked for before signing in, remembered without a session
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/budgets/082-2026");
        assertThat(sessionCookies(signedIn)).hasSize(1);
        assertThat(sessionCookies(signedIn).get(0)).contains("SameSite=Lax", "HttpOnly");
    }

    @Test
    void health_details_only_for_signed_in_users() {
        JsonNode anonymous = server.getForObject("/actuator/health", JsonNode.class);
        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        JsonNode signedIn = APP.as(Role.ANALYST).getForObject("/actuator/health", JsonNode.class);
        assertThat(signedIn.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(signedIn.at("/components/ledgerProcessing/details/parkedEvents").asLong()).isZero();
        assertThat(server.withBasicAuth("analyst", "wrong-password-here").getForEntity("/actuator/health",
                String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void history_paging_past_its_bound_is_a_400_naming_the_parameter() {
        budget("083");
        ResponseEntity<JsonNode> far = APP.as(Role.AUDITOR).getForEntity("/api/budgets/083-2026/history?page=50000000",
                JsonNode.class);
        assertThat(far.getStatusCode().value()).isEqualTo(400);
        assertThat(far.getBody().get("field").asText()).isEqualTo("page");
        assertThat(APP.as(Role.AUDITOR).getForEntity("/api/budgets/083-2026/history?page=1000000&size=500",
                JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(APP.as(Role.AUDITOR).getForEntity("/api/budgets/083-2026/history?page=99999999999",
                JsonNode.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void errors_are_problem_details_that_name_no_class() {
        budget("084");
        HttpHeaders xlsx = new HttpHeaders();
        xlsx.setContentType(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        List<ResponseEntity<String>> answers = List.of(
                APP.as(Role.FINANCE).postForEntity("/api/budgets/084-2026/line-imports?fileName=x.xlsx",
                        new HttpEntity<>("PK\u0003\u0004 not a workbook".getBytes(StandardCharsets.ISO_8859_1), xlsx),
                        String.class),
                APP.as(Role.FINANCE).getForEntity("/api/budgets/084-2026/nothing-here", String.class),
                APP.as(Role.FINANCE).exchange("/api/budgets", HttpMethod.DELETE, null, String.class),
                APP.as(Role.FINANCE).getForEntity("/api/budgets/084-2026/tables/3?format=csv&asOf=yesterday", String.class));
        for (ResponseEntity<String> answer : answers) {
            assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getBody()).isTrue();
            assertThat(answer.getHeaders().getContentType().toString()).as(answer.getBody())
                    .isEqualTo("application/problem+json");
            assertThat(answer.getBody()).as(answer.getBody())
                    .doesNotContainPattern("(org|java|jakarta|com)\\.[a-z]+\\.")
                    .doesNotContain("Exception", "timestamp");
        }
    }
}
