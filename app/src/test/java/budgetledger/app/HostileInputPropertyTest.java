package budgetledger.app;

import budgetledger.security.Role;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every endpoint of the API, generated: path variables, query parameters and bodies mixing
 * valid values with control characters, bidirectional and zero-width characters, SQL, paths, full-width digits,
 * huge, negative and fractional numbers, wrong JSON types, duplicate keys, trailing tokens, broken JSON. Every
 * answer must be below 500, and a refused request (4xx) must leave the event store exactly as it was (its rows
 * counted before and after). The count is jqwik's tries: {@code -Djqwik.tries.default=10000} for the issue's
 * 10,000 (the default of src/test/resources/junit-platform.properties keeps the suite short).
 */
class HostileInputPropertyTest {

    static TestDatabase db;
    static ConfigurableApplicationContext app;
    static int port;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final AtomicLong SENT = new AtomicLong();
    static final AtomicLong REFUSED = new AtomicLong();
    static final Map<Integer, Long> STATUSES = new TreeMap<>();

    /** One endpoint: method, path template, the role that may call it, its query parameters and body fields. */
    record Endpoint(String method, String path, Role role, List<String> params, String contentType,
                    Map<String, String> fields) {
    }

    static final Map<String, String> LINE = Map.ofEntries(Map.entry("unitCode", "\"062001\""),
            Map.entry("functionalCode", "\"2010306\""), Map.entry("kind", "\"基本支出-公用经费\""),
            Map.entry("deptEconomicCode", "\"30201\""), Map.entry("govEconomicCode", "\"50201\""),
            Map.entry("fundingSource", "\"一般公共预算\""), Map.entry("origin", "\"当年\""),
            Map.entry("project", "null"), Map.entry("amount", "\"1.00\""), Map.entry("documentNo", "\"文号\""),
            Map.entry("reason", "\"年初预算\""), Map.entry("commandId", "\"p-line\""));

    static final List<Endpoint> ENDPOINTS = List.of(
            get("/api/budgets", Role.ANALYST),
            get("/api/budgets/{budgetId}", Role.ANALYST),
            get("/api/budgets/{budgetId}/lines", Role.ANALYST),
            get("/api/budgets/{budgetId}/lines/{lineId}", Role.ANALYST),
            get("/api/budgets/{budgetId}/lines/{lineId}/history", Role.AUDITOR, "page", "size"),
            get("/api/budgets/{budgetId}/history", Role.AUDITOR, "line", "actor", "type", "from", "to", "page", "size"),
            get("/api/budgets/{budgetId}/diff", Role.AUDITOR, "from", "to"),
            get("/api/budgets/{budgetId}/tables", Role.ANALYST, "format"),
            get("/api/budgets/{budgetId}/tables/{number}", Role.ANALYST, "format", "asOf", "atPosition"),
            get("/api/budgets/{budgetId}/disclosure", Role.ANALYST, "format"),
            get("/api/budgets/{budgetId}/reconciliation", Role.ANALYST),
            get("/api/budgets/{budgetId}/yoy", Role.ANALYST, "against", "by", "level", "format"),
            get("/api/budgets/{budgetId}/three-public", Role.ANALYST, "format"),
            get("/api/budgets/{budgetId}/explanations", Role.ANALYST, "format"),
            get("/api/budgets/{budgetId}/fdp", Role.ANALYST, "phase"),
            get("/api/budgets/{budgetId}/line-template", Role.FINANCE, "format", "filled"),
            get("/api/read-models/positions/{position}", Role.ANALYST),
            get("/api/audit/verify", Role.AUDITOR, "position", "hash"),
            get("/api/audit/checkpoints", Role.AUDITOR),
            get("/api/audit/dead-letters", Role.AUDITOR),
            get("/api/admin/users", Role.ADMIN),
            new Endpoint("POST", "/api/audit/checkpoint", Role.AUDITOR, List.of(), null, Map.of()),
            new Endpoint("POST", "/api/audit/dead-letters/retry", Role.AUDITOR, List.of(), null, Map.of()),
            json("/api/budgets", Map.of("departmentCode", "\"901\"", "departmentName", "\"某局\"", "fiscalYear", "2026",
                    "units", "[{\"code\":\"901001\",\"name\":\"本级\",\"type\":\"行政\"}]")),
            json("/api/budgets/{budgetId}/lines", LINE),
            json("/api/budgets/{budgetId}/adjustments", Map.of("lineId", "\"L1\"", "amount", "\"-0.01\"",
                    "documentNo", "\"文号\"", "reason", "\"追减\"", "commandId", "\"p-adj\"")),
            json("/api/budgets/{budgetId}/transfers", Map.of("fromLineId", "\"L1\"", "toLineId", "\"L2\"",
                    "amount", "\"0.01\"", "documentNo", "\"文号\"", "reason", "\"调剂\"", "commandId", "\"p-tr\"")),
            json("/api/budgets/{budgetId}/prior-year-figures", Map.of("subject", "\"收支总计\"", "amount", "\"1\"",
                    "documentNo", "\"文号\"", "reason", "\"上年\"", "commandId", "\"p-py\"")),
            json("/api/budgets/{budgetId}/change-reasons", Map.of("subject", "\"收支总计\"", "reason", "\"原因\"",
                    "documentNo", "\"文号\"", "commandId", "\"p-cr\"")),
            json("/api/budgets/{budgetId}/current-year-figures", Map.of("subject", "\"政府采购\"", "amount", "\"1\"",
                    "documentNo", "\"文号\"", "reason", "\"采购\"", "commandId", "\"p-cy\"")),
            json("/api/budgets/{budgetId}/reversals", Map.of("sequence", "3", "documentNo", "\"文号\"",
                    "reason", "\"冲销\"", "commandId", "\"p-rev\"")),
            new Endpoint("POST", "/api/budgets/{budgetId}/line-imports", Role.FINANCE, List.of("fileName"), "text/csv",
                    Map.of()),
            new Endpoint("POST", "/api/disclosures", Role.FINANCE, List.of("departmentCode"), "text/plain;charset=UTF-8",
                    Map.of()),
            new Endpoint("POST", "/api/admin/users", Role.ADMIN, List.of(), "application/json",
                    Map.of("name", "\"prop.user\"", "role", "\"ANALYST\"", "password", "\"quartz-meadow-7-lantern\"")),
            new Endpoint("PUT", "/api/admin/users/{name}/password", Role.ADMIN, List.of(), "application/json",
                    Map.of("password", "\"quartz-meadow-7-lantern\"")),
            new Endpoint("PUT", "/api/admin/users/{name}/enabled", Role.ADMIN, List.of(), "application/json",
                    Map.of("enabled", "false")));

    static Endpoint get(String path, Role role, String... params) {
        return new Endpoint("GET", path, role, List.of(params), null, Map.of());
    }

    static Endpoint json(String path, Map<String, String> fields) {
        return new Endpoint("POST", path, Role.FINANCE, List.of(), "application/json", fields);
    }

    /** Text meant to hurt, as it would arrive in a JSON string or a parameter. */
    static final List<String> HOSTILE = List.of("", " ", "\u0000", "a\u0000b", "\u0007", "\r\nX-Injected: 1",
            "\u202Egnp.exe", "\u200B", "\u3000", "\uFEFF", "'; drop table domain_event_entry; --", "../../etc/passwd",
            "%00", "%2e%2e%2f", "１２３", "٠٦٢", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "@SUM(1)",
            "-1", "0", "-0", "1e308", "9".repeat(40), "-9223372036854775808", "2026.9", "NaN", "Infinity", "null",
            "true", "{}", "[]", "L0", "L99999999999", "062-2026", "062-2025", "999-2026", "x".repeat(5000), "😀",
            "\uD800", "2026-01-01T00:00:00Z", "99999999999999999999", "0.001", "1000000000000000.00");

    /** JSON values that are not strings, or strings of the wrong kind. */
    static final List<String> HOSTILE_JSON = List.of("null", "0", "-1", "2026.9", "1e400", "99999999999999999999999",
            "true", "[]", "{}", "[1,2]", "{\"a\":{\"b\":{}}}", "\"\"", "-0.0");

    @BeforeContainer
    static void start() throws Exception {
        db = TestDatabase.create();
        List<String> args = new ArrayList<>(List.of("--budget-ledger.db.url=" + db.url, "--budget-ledger.db.user=" + db.user,
                "--server.port=0", "--budget-ledger.db.max-pool-size=5", "--budget-ledger.read-your-writes.timeout-ms=10000",
                "--logging.level.root=WARN"));
        args.addAll(TestUsers.args());
        app = new SpringApplicationBuilder(BudgetLedgerApplication.class).run(args.toArray(String[]::new));
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        // What the requests work on: the seed (tables, reconciliation) and a budget with two lines and a change.
        assertThat(send("POST", "/api/disclosures", Role.FINANCE, "text/plain;charset=UTF-8", SampleText.seed()).statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/budgets", Role.FINANCE, "application/json", """
                {"departmentCode":"063","departmentName":"某局","fiscalYear":2026,
                 "units":[{"code":"063001","name":"本级","type":"行政"}]}""").statusCode()).isEqualTo(201);
    }

    @AfterContainer
    static void stop() {
        System.out.printf("[hostile-input] sent=%d refused=%d statuses=%s%n", SENT.get(), REFUSED.get(), STATUSES);
        if (app != null) {
            app.close();
        }
    }

    static HttpResponse<String> send(String method, String path, Role role, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestUsers.name(role) + ":"
                        + TestUsers.password(role)).getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A generated request: which endpoint, and the generated choices that make its path, query and body. */
    record Attempt(Endpoint endpoint, List<String> pathValues, List<String> queryValues, List<Integer> fieldChoices,
                   String bodyMutation) {
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        Arbitrary<String> pathValue = Arbitraries.oneOf(Arbitraries.of(HOSTILE),
                Arbitraries.of("062-2026", "063-2026", "L1", "L2", "3", "13", "0", "14", "1", "nobody", "prop.user"));
        Arbitrary<String> queryValue = Arbitraries.oneOf(Arbitraries.of(HOSTILE), Arbitraries.of("json", "csv", "xlsx",
                "text", "prior", "functional", "section", "class", "item", "approved", "revised", "true", "062-2025",
                "0", "50", "L1", "finance", "BudgetLineAdjusted", "2026-01-01T00:00:00Z", "a".repeat(64)));
        return Combinators.combine(Arbitraries.of(ENDPOINTS), pathValue.list().ofSize(3), queryValue.list().ofSize(8),
                Arbitraries.integers().between(0, 99).list().ofSize(12),
                Arbitraries.of("none", "none", "none", "duplicate", "trailing", "truncated", "not-json", "empty",
                        "deep", "array", "unknown-field")).as(Attempt::new);
    }

    String path(Attempt attempt) {
        String path = attempt.endpoint().path();
        int i = 0;
        while (path.contains("{")) {
            int start = path.indexOf('{');
            path = path.substring(0, start) + encode(attempt.pathValues().get(i++)) + path.substring(path.indexOf('}') + 1);
        }
        List<String> params = attempt.endpoint().params();
        StringBuilder query = new StringBuilder();
        for (int p = 0; p < params.size(); p++) {
            String value = attempt.queryValues().get(p % attempt.queryValues().size());
            if (value.hashCode() % 3 != 0) { // some parameters left out
                query.append(query.isEmpty() ? "?" : "&").append(params.get(p)).append('=').append(encode(value));
            }
        }
        if (attempt.queryValues().get(7).equals("0")) {
            query.append(query.isEmpty() ? "?" : "&").append("unknownParam=1");
        }
        return path + query;
    }

    String body(Attempt attempt) {
        Endpoint endpoint = attempt.endpoint();
        if (endpoint.contentType() == null) {
            return null;
        }
        if (endpoint.path().endsWith("/line-imports")) {
            String value = HOSTILE.get(attempt.fieldChoices().get(0) % HOSTILE.size());
            return "\uFEFF序号,单位编码,功能分类编码,支出类型,部门经济分类编码,政府经济分类编码,资金来源,当年或上年结转,项目名称,金额（元）,文号,说明\r\n"
                    + "1,063001,2010306,基本支出-公用经费,30201,50201,一般公共预算,当年,," + (value.contains(",") ? "1" : value)
                    + ",文号,年初预算\r\n";
        }
        if (endpoint.path().equals("/api/disclosures")) {
            String seed = SampleText.seed();
            int cut = Math.max(0, seed.length() * attempt.fieldChoices().get(1) / 100);
            return seed.substring(0, cut) + HOSTILE.get(attempt.fieldChoices().get(0) % HOSTILE.size()) + seed.substring(cut);
        }
        StringBuilder json = new StringBuilder("{");
        int f = 0;
        for (Map.Entry<String, String> field : new TreeMap<>(endpoint.fields()).entrySet()) {
            int choice = attempt.fieldChoices().get(f++ % attempt.fieldChoices().size());
            String value = choice < 40 ? field.getValue()
                    : choice < 80 ? jsonString(HOSTILE.get(choice % HOSTILE.size()))
                    : HOSTILE_JSON.get(choice % HOSTILE_JSON.size());
            if (field.getKey().equals("commandId") && choice < 40) {
                value = jsonString("p-" + SENT.get()); // a new command each time, so that a valid one records
            }
            json.append(json.length() > 1 ? "," : "").append(jsonString(field.getKey())).append(':').append(value);
        }
        json.append('}');
        String body = json.toString();
        return switch (attempt.bodyMutation()) {
            case "duplicate" -> body.length() > 2 ? body.substring(0, body.length() - 1)
                    + ",\"amount\":\"999999999\",\"commandId\":\"dup\"}" : body;
            case "trailing" -> body + " {\"more\":1}";
            case "truncated" -> body.substring(0, body.length() / 2);
            case "not-json" -> "amount=1&lineId=L1";
            case "empty" -> "";
            case "deep" -> "[".repeat(5000) + "]".repeat(5000);
            case "array" -> "[" + body + "]";
            case "unknown-field" -> body.length() > 2 ? body.substring(0, body.length() - 1) + ",\"actor\":\"mallory\"}" : body;
            default -> body;
        };
    }

    @Property
    void no_request_is_answered_500_and_a_refused_one_changes_no_event(@ForAll("attempts") Attempt attempt)
            throws Exception {
        String path = path(attempt);
        String body = body(attempt);
        long before = db.count("select count(*) from domain_event_entry");
        HttpResponse<String> answer = send(attempt.endpoint().method(), path, attempt.endpoint().role(),
                attempt.endpoint().contentType(), body);
        long after = db.count("select count(*) from domain_event_entry");
        SENT.incrementAndGet();
        synchronized (STATUSES) {
            STATUSES.merge(answer.statusCode(), 1L, Long::sum);
        }
        assertThat(answer.statusCode()).as("%s %s %s → %s", attempt.endpoint().method(), path,
                body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body, answer.body()).isLessThan(500);
        if (answer.statusCode() >= 400) {
            REFUSED.incrementAndGet();
            assertThat(after).as("%s %s refused %s but the store changed", attempt.endpoint().method(), path,
                    answer.statusCode()).isEqualTo(before);
        }
    }
}
