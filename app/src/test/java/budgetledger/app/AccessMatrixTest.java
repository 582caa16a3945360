package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterRegistration;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static budgetledger.security.Role.ADMIN;
import static budgetledger.security.Role.ANALYST;
import static budgetledger.security.Role.AUDITOR;
import static budgetledger.security.Role.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint × every role: anonymous gets 401, a role without the right 403, a role with it a 2xx. The
 * endpoints are read from Spring's handler mapping at run time, so a new endpoint without a row in MATRIX fails
 * the first test by name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class AccessMatrixTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final Set<Role> READERS = EnumSet.of(FINANCE, AUDITOR, ANALYST);
    /** The bundled sample disclosure; the matrix imports it once as 062-2026 and once as 777-2026. */
    static final String SEED = SampleText.seed();
    /** A line-item file of one line, for the import row. */
    static final String LINE_CSV = "序号,单位编码,功能分类编码,支出类型,部门经济分类编码,政府经济分类编码,资金来源,当年或上年结转,"
            + "项目名称,金额（元）,文号,说明\r\n1,301001,2010306,基本支出-公用经费,30201,50201,一般公共预算,当年,,100,文号,年初预算\r\n";

    /** One row per endpoint: who may call it, and a call that succeeds given the rows before it. */
    record Rule(HttpMethod method, String pattern, Set<Role> allowed, String path, String body) {
        String endpoint() {
            return method + " " + pattern;
        }
    }

    static final List<Rule> MATRIX = List.of(
            new Rule(HttpMethod.POST, "/api/budgets", EnumSet.of(FINANCE), "/api/budgets", """
                    {"departmentCode":"302","departmentName":"矩阵测试二局","fiscalYear":2026,
                     "units":[{"code":"302001","name":"本级","type":"行政"}]}"""),
            new Rule(HttpMethod.POST, "/api/budgets/{budgetId}/lines", EnumSet.of(FINANCE), "/api/budgets/301-2026/lines",
                    line("m-line")),
            new Rule(HttpMethod.POST, "/api/budgets/{budgetId}/adjustments", EnumSet.of(FINANCE),
                    "/api/budgets/301-2026/adjustments", """
                    {"lineId":"L1","amount":"5","documentNo":"文号","reason":"追加","commandId":"m-adj"}"""),
            new Rule(HttpMethod.POST, "/api/budgets/{budgetId}/transfers", EnumSet.of(FINANCE),
                    "/api/budgets/301-2026/transfers", """
                    {"fromLineId":"L1","toLineId":"L2","amount":"10","documentNo":"文号","reason":"调剂","commandId":"m-tr"}"""),
            new Rule(HttpMethod.POST, "/api/budgets/{budgetId}/prior-year-figures", EnumSet.of(FINANCE),
                    "/api/budgets/301-2026/prior-year-figures", """
                    {"subject":"收支总计","amount":"1000","documentNo":"文号","reason":"上年决算","commandId":"m-py"}"""),
            new Rule(HttpMethod.POST, "/api/budgets/{budgetId}/change-reasons", EnumSet.of(FINANCE),
                    "/api/budgets/301-2026/change-reasons", """
                    {"subject":"收支总计","reason":"人员增加","documentNo":"文号","commandId":"m-cr"}"""),
            new Rule(HttpMethod.POST, "/api/budgets/{budgetId}/current-year-figures", EnumSet.of(FINANCE),
                    "/api/budgets/301-2026/current-year-figures", """
                    {"subject":"政府采购","amount":"1000","documentNo":"文号","reason":"政府采购预算","commandId":"m-cy"}"""),
            new Rule(HttpMethod.POST, "/api/budgets/{budgetId}/reversals", EnumSet.of(FINANCE),
                    "/api/budgets/301-2026/reversals", """
                    {"sequence":3,"documentNo":"文号","reason":"录错","commandId":"m-rev"}"""),
            new Rule(HttpMethod.GET, "/api/budgets", READERS, "/api/budgets", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}", READERS, "/api/budgets/301-2026", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/lines", READERS, "/api/budgets/301-2026/lines", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/lines/{lineId}", READERS,
                    "/api/budgets/301-2026/lines/L1", null),
            new Rule(HttpMethod.POST, "/api/disclosures", EnumSet.of(FINANCE), "/api/disclosures?departmentCode=777",
                    SEED),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/tables", READERS, "/api/budgets/062-2026/tables", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/tables/{number}", READERS,
                    "/api/budgets/062-2026/tables/3", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/disclosure", READERS,
                    "/api/budgets/062-2026/disclosure?format=text", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/fdp", READERS,
                    "/api/budgets/062-2026/fdp?phase=revised", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/line-template", READERS,
                    "/api/budgets/301-2026/line-template?format=csv", null),
            new Rule(HttpMethod.POST, "/api/budgets/{budgetId}/line-imports", EnumSet.of(FINANCE),
                    "/api/budgets/301-2026/line-imports?fileName=m.csv", LINE_CSV),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/reconciliation", READERS,
                    "/api/budgets/062-2026/reconciliation", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/findings", READERS,
                    "/api/budgets/062-2026/findings", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/history", EnumSet.of(FINANCE, AUDITOR),
                    "/api/budgets/301-2026/history", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/lines/{lineId}/history", EnumSet.of(FINANCE, AUDITOR),
                    "/api/budgets/301-2026/lines/L1/history", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/diff", EnumSet.of(FINANCE, AUDITOR),
                    "/api/budgets/301-2026/diff?from=0&to=999999", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/yoy", READERS, "/api/budgets/062-2026/yoy", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/three-public", READERS,
                    "/api/budgets/062-2026/three-public", null),
            new Rule(HttpMethod.GET, "/api/budgets/{budgetId}/explanations", READERS,
                    "/api/budgets/062-2026/explanations", null),
            new Rule(HttpMethod.GET, "/api/read-models/positions/{position}", READERS, "/api/read-models/positions/1",
                    null),
            new Rule(HttpMethod.GET, "/api/audit/verify", EnumSet.of(AUDITOR), "/api/audit/verify", null),
            new Rule(HttpMethod.POST, "/api/audit/checkpoint", EnumSet.of(AUDITOR), "/api/audit/checkpoint", null),
            new Rule(HttpMethod.GET, "/api/audit/checkpoints", EnumSet.of(AUDITOR), "/api/audit/checkpoints", null),
            new Rule(HttpMethod.POST, "/api/audit/rebuild", EnumSet.of(AUDITOR), "/api/audit/rebuild", null),
            new Rule(HttpMethod.GET, "/api/audit/dead-letters", EnumSet.of(AUDITOR), "/api/audit/dead-letters", null),
            new Rule(HttpMethod.POST, "/api/audit/dead-letters/retry", EnumSet.of(AUDITOR),
                    "/api/audit/dead-letters/retry", null),
            new Rule(HttpMethod.POST, "/api/admin/users", EnumSet.of(ADMIN), "/api/admin/users", """
                    {"name":"matrix","role":"ANALYST","password":"matrix-password-1"}"""),
            new Rule(HttpMethod.GET, "/api/admin/users", EnumSet.of(ADMIN), "/api/admin/users", null),
            new Rule(HttpMethod.PUT, "/api/admin/users/{name}/password", EnumSet.of(ADMIN),
                    "/api/admin/users/matrix/password", """
                    {"password":"matrix-password-2"}"""),
            new Rule(HttpMethod.PUT, "/api/admin/users/{name}/enabled", EnumSet.of(ADMIN),
                    "/api/admin/users/matrix/enabled", """
                    {"enabled":false}"""));

    @Autowired
    TestRestTemplate server;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static String line(String commandId) {
        return """
                {"unitCode":"301001","functionalCode":"2010306","kind":"基本支出-公用经费","deptEconomicCode":"30201",
                 "govEconomicCode":"50201","fundingSource":"一般公共预算","origin":"当年","amount":"1000",
                 "documentNo":"文号","reason":"年初预算","commandId":"%s"}""".formatted(commandId);
    }

    TestRestTemplate as(Role role) {
        return role == null ? server : APP.as(role);
    }

    ResponseEntity<JsonNode> call(Role role, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        // A disclosure is plain text; every other body is JSON.
        headers.setContentType(body != null && body.equals(SEED)
                ? new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)
                : body != null && body.equals(LINE_CSV) ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.APPLICATION_JSON);
        // Read as text, so that exports (plain text, workbooks) answer too; JSON bodies are parsed.
        ResponseEntity<String> answer = as(role).exchange(path, method, new HttpEntity<>(body, headers), String.class);
        MediaType type = answer.getHeaders().getContentType();
        JsonNode json = null;
        if (type != null && type.getSubtype().contains("json") && answer.getBody() != null) {
            try {
                json = JSON.readTree(answer.getBody());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new ResponseEntity<>(json, answer.getHeaders(), answer.getStatusCode());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The API's endpoints as "METHOD /pattern", from the handler mapping Spring actually serves. */
    Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("budgetledger")) {
                return; // Spring's own /error
            }
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            Set<String> methods = new LinkedHashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("ANY"); // a mapping without a method answers them all: it needs its own row
            }
            // The web console's pages have their own matrix (ConsolePagesTest).
            methods.forEach(method -> patterns.stream().filter(pattern -> pattern.startsWith("/api/"))
                    .forEach(pattern -> endpoints.add(method + " " + pattern)));
        });
        return endpoints;
    }

    @Autowired
    RequestMappingHandlerAdapter adapter;
    @Autowired
    WebApplicationContext web;

    @Test
    void an_api_call_pays_for_no_validation_observation_or_link_writing_it_does_not_use() {
        // RequestValidation: with no method validator, Spring MVC does not scan the handler's class and method for
        // validation groups on every call; the matrix below still gets every refusal the application's checks make.
        assertThat(ReflectionTestUtils.getField(adapter, "methodValidator")).isNull();
        // No observation filter (WebMvcObservationAutoConfiguration excluded), and the resource-link filter is the
        // console's own, which passes API calls by (ConsoleResourceUrls), in place of Spring Boot's, not beside it.
        List<String> filters = web.getServletContext().getFilterRegistrations().values().stream()
                .map(FilterRegistration::getClassName).toList();
        assertThat(filters).noneMatch(name -> name.contains("ObservationFilter"))
                .contains("budgetledger.web.ConsoleResourceUrls$PagesOnly")
                .doesNotContain("org.springframework.web.servlet.resource.ResourceUrlEncodingFilter");
    }

    @Test
    void every_endpoint_has_a_row_in_the_matrix() {
        // The matrix's calls go through the application's own lookup: the path-first one (HandlerLookup).
        assertThat(mappings.getClass().getEnclosingClass()).isEqualTo(budgetledger.app.config.HandlerLookup.class);
        Set<String> rows = new TreeSet<>();
        MATRIX.forEach(rule -> rows.add(rule.endpoint()));
        Set<String> missing = new TreeSet<>(endpoints());
        missing.removeAll(rows);
        assertThat(missing).as("endpoints without a row in AccessMatrixTest.MATRIX (and a rule in "
                + "SecurityConfiguration): add one for each").isEmpty();
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(endpoints());
        assertThat(stale).as("rows of AccessMatrixTest.MATRIX for endpoints that no longer exist").isEmpty();
    }

    @Test
    void anonymous_gets_401_a_wrong_role_403_and_the_right_role_2xx_on_every_endpoint() {
        // The budget the matrix works on: two lines and an adjustment (sequence 3) for the reversal to undo.
        assertThat(call(FINANCE, HttpMethod.POST, "/api/budgets", """
                {"departmentCode":"301","departmentName":"矩阵测试局","fiscalYear":2026,
                 "units":[{"code":"301001","name":"本级","type":"行政"}]}""").getStatusCode().value()).isEqualTo(201);
        assertThat(call(FINANCE, HttpMethod.POST, "/api/budgets/301-2026/lines", line("s-1")).getStatusCode().value())
                .isEqualTo(201);
        assertThat(call(FINANCE, HttpMethod.POST, "/api/budgets/301-2026/lines", line("s-2")).getStatusCode().value())
                .isEqualTo(201);
        assertThat(call(FINANCE, HttpMethod.POST, "/api/budgets/301-2026/adjustments", """
                {"lineId":"L1","amount":"100","documentNo":"文号","reason":"追加","commandId":"s-3"}""")
                .getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                call(FINANCE, HttpMethod.GET, "/api/budgets/301-2026/lines/L1", null).getStatusCode().value() == 200);
        // An imported budget, for the tables and their reconciliation with the published document.
        assertThat(call(FINANCE, HttpMethod.POST, "/api/disclosures", SEED).getStatusCode().value()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                call(FINANCE, HttpMethod.GET, "/api/budgets/062-2026/reconciliation", null).getStatusCode().value() == 200);

        SoftAssertions softly = new SoftAssertions();
        for (Rule rule : MATRIX) {
            ResponseEntity<JsonNode> anonymous = call(null, rule.method(), rule.path(), rule.body());
            softly.assertThat(anonymous.getStatusCode().value()).as("anonymous: %s", rule.endpoint()).isEqualTo(401);
            softly.assertThat(anonymous.getBody().path("rule").asText()).as("anonymous: %s", rule.endpoint())
                    .isEqualTo("unauthenticated");
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(rule.allowed()))) {
                ResponseEntity<JsonNode> refused = call(role, rule.method(), rule.path(), rule.body());
                softly.assertThat(refused.getStatusCode().value()).as("%s: %s", role, rule.endpoint()).isEqualTo(403);
                softly.assertThat(refused.getBody().path("rule").asText()).as("%s: %s", role, rule.endpoint())
                        .isEqualTo("forbidden");
            }
            for (Role role : rule.allowed()) {
                ResponseEntity<JsonNode> served = call(role, rule.method(), rule.path(), rule.body());
                softly.assertThat(served.getStatusCode().is2xxSuccessful())
                        .as("%s: %s answered %s %s", role, rule.endpoint(), served.getStatusCode(), served.getBody())
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void a_refusal_is_a_problem_detail_and_a_wrong_password_is_a_401() {
        ResponseEntity<JsonNode> anonymous = call(null, HttpMethod.GET, "/api/budgets", null);
        assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(anonymous.getBody().get("type").asText()).isEqualTo("urn:budget-ledger:problem:unauthenticated");

        ResponseEntity<JsonNode> wrongPassword = server.withBasicAuth("finance", "not-the-password")
                .getForEntity("/api/budgets", JsonNode.class);
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);

        ResponseEntity<JsonNode> forbidden = call(ADMIN, HttpMethod.GET, "/api/budgets", null);
        assertThat(forbidden.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(forbidden.getBody().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void only_the_health_check_is_open_to_anonymous() {
        ResponseEntity<String> health = server.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("UP");
        assertThat(server.getForEntity("/api/unknown", String.class).getStatusCode().value()).isEqualTo(401);
        // Any other page sends the anonymous visitor (the client follows the redirect) to the login form, which
        // carries a CSRF token.
        for (String page : List.of("/actuator/info", "/actuator/env", "/console")) {
            ResponseEntity<String> answer = server.getForEntity(page, String.class);
            assertThat(answer.getBody()).as(page).contains("name=\"_csrf\"", "name=\"password\"");
        }
    }
}
