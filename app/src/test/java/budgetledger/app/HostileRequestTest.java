package budgetledger.app;

import budgetledger.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests meant to hurt: SQL in path and query parameters, very long values, bytes that are not UTF-8, bodies
 * past the limit. Each gets a 4xx and changes nothing. Sent byte for byte over a socket, so that no client library
 * cleans them up first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class HostileRequestTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();
    static final int MAX_REQUEST_BYTES = 65_536;
    static final String ADJUST = """
            {"lineId":"L1","amount":"-1","documentNo":"文号","reason":"追减","commandId":"%s"}""";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("budget-ledger.max-request-bytes", () -> MAX_REQUEST_BYTES);
    }

    record Answer(int status, String body) {
    }

    /** One HTTP/1.1 request, its request line written as raw bytes; the answer's status and body. */
    Answer send(Role role, String method, byte[] target, String body, boolean chunked) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write((method + " ").getBytes(StandardCharsets.US_ASCII));
        request.write(target);
        StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                (TestUsers.name(role) + ":" + TestUsers.password(role)).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes.length + "\r\n");
        }
        request.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        if (chunked) {
            request.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.write(bytes);
            request.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            request.write(bytes);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading all of a body it refuses; read its answer.
            }
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            return new Answer(status, answer.substring(answer.indexOf("\r\n\r\n") + 4));
        }
    }

    Answer send(Role role, String method, String target, String body) throws IOException {
        return send(role, method, target.getBytes(StandardCharsets.ISO_8859_1), body, false);
    }

    long[] counts() {
        return new long[] {
                DB.count("select count(*) from domain_event_entry"),
                DB.count("select count(*) from budget"),
                DB.count("select count(*) from budget_line"),
                DB.count("select count(*) from app_user"),
                DB.count("select count(*) from budget_line where amount_fen = 100000")};
    }

    @BeforeEach
    void aBudgetWithOneLine() throws IOException {
        if (DB.count("select count(*) from budget_line") > 0) {
            return;
        }
        assertThat(send(Role.FINANCE, "POST", "/api/budgets", """
                {"departmentCode":"501","departmentName":"攻击测试局","fiscalYear":2026,
                 "units":[{"code":"501001","name":"本级","type":"行政"}]}""").status()).isEqualTo(201);
        assertThat(send(Role.FINANCE, "POST", "/api/budgets/501-2026/lines", """
                {"unitCode":"501001","functionalCode":"2010306","kind":"基本支出-公用经费","deptEconomicCode":"30201",
                 "govEconomicCode":"50201","fundingSource":"一般公共预算","origin":"当年","amount":"1000",
                 "documentNo":"文号","reason":"年初预算","commandId":"h-1"}""").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> DB.count("select count(*) from budget_line") == 1);
    }

    @Test
    void sql_in_path_and_query_parameters_is_a_400_naming_the_parameter_and_changes_nothing() throws IOException {
        long[] before = counts();
        record Attack(Role role, String method, String target, String field) {
        }
        List<Attack> attacks = List.of(
                new Attack(Role.ANALYST, "GET", "/api/budgets/501-2026'%20OR%20'1'='1", "budgetId"),
                new Attack(Role.ANALYST, "GET", "/api/budgets/501-2026'--/lines", "budgetId"),
                new Attack(Role.ANALYST, "GET", "/api/budgets/501-2026/lines/L1'%20OR%201=1--", "lineId"),
                new Attack(Role.ANALYST, "GET", "/api/budgets/501-2026/lines/L1%22)%20union%20select%20*%20from%20app_user--", "lineId"),
                new Attack(Role.FINANCE, "POST", "/api/budgets/501-2026'%20or%20''='/adjustments", "budgetId"),
                new Attack(Role.ADMIN, "PUT", "/api/admin/users/admin'--/enabled", "name"),
                new Attack(Role.ANALYST, "GET", "/api/budgets?budgetId=501-2026'%20OR%201=1--", "budgetId"),
                new Attack(Role.FINANCE, "POST", "/api/budgets/501-2026/adjustments?lineId=L1'--", "lineId"),
                new Attack(Role.ANALYST, "GET", "/api/budgets/" + "9".repeat(4_000) + "-2026", "budgetId"));
        for (Attack attack : attacks) {
            String body = attack.method().equals("GET") ? null
                    : attack.method().equals("PUT") ? "{\"enabled\":false}" : ADJUST.formatted("x-" + attack.field());
            Answer answer = send(attack.role(), attack.method(), attack.target(), body);
            assertThat(answer.status()).as(attack.target()).isEqualTo(400);
            assertThat(answer.body()).as(attack.target()).contains("\"field\":\"" + attack.field() + "\"");
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void semicolons_very_long_values_and_bytes_that_are_not_utf8_are_refused_and_change_nothing() throws IOException {
        long[] before = counts();
        List<byte[]> targets = List.of(
                bytes("/api/budgets/501-2026'%3B%20drop%20table%20budget_line%3B--"),
                bytes("/api/budgets/062-2026';drop table budget_line;--/adjustments".replace(" ", "%20")),
                bytes("/api/budgets/" + "9".repeat(10_000) + "-2026/adjustments"),
                bytes("/api/budgets/501-2026/adjustments?commandId=" + "x".repeat(10_000)),
                bytes("/api/budgets/%FF%FE-2026/adjustments"),
                bytes("/api/budgets/501-2026/adjustments?lineId=%FF%FE"),
                bytes("/api/budgets/501-2026/adjustments?lineId=%zz"),
                concat(bytes("/api/budgets/501-"), new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC0}, bytes("/adjustments")),
                concat(bytes("/api/budgets/501-2026/adjustments?lineId="), new byte[] {(byte) 0xC3, (byte) 0x28}));
        for (byte[] target : targets) {
            Answer answer = send(Role.FINANCE, "POST", target, ADJUST.formatted("x-bytes"), false);
            assertThat(answer.status()).as(new String(target, StandardCharsets.ISO_8859_1)).isBetween(400, 499);
        }
        assertThat(send(Role.FINANCE, "POST", targets.get(0), ADJUST.formatted("x-firewall"), false).body())
                .contains("\"rule\":\"rejected-request\"");
        assertThat(counts()).isEqualTo(before);
        assertThat(send(Role.ANALYST, "GET", "/api/budgets/501-2026/lines/L1", null).body()).contains("\"amount\":\"1000.00\"");
    }

    @Test
    void a_body_past_the_limit_is_a_413_whether_its_length_is_declared_or_not() throws IOException {
        long[] before = counts();
        String big = ADJUST.formatted("big").replace("追减", "追".repeat(MAX_REQUEST_BYTES / 3 + 1));
        Answer declared = send(Role.FINANCE, "POST", bytes("/api/budgets/501-2026/adjustments"), big, false);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body()).contains("\"rule\":\"body-too-large\"");
        Answer chunked = send(Role.FINANCE, "POST", bytes("/api/budgets/501-2026/adjustments"), big, true);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"rule\":\"body-too-large\"");
        assertThat(counts()).isEqualTo(before);

        Answer small = send(Role.FINANCE, "POST", bytes("/api/budgets/501-2026/adjustments"), ADJUST.formatted("small"), true);
        assertThat(small.status()).isEqualTo(200);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
