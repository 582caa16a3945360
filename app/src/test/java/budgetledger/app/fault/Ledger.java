package budgetledger.app.fault;

import budgetledger.app.TestDatabase;
import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One budget driven by concurrent adjustments and transfers over HTTP, with a record of every command's fate:
 * acknowledged (2xx), refused (4xx), answer lost (connection broken, 503 or another 5xx: may or may not be in
 * the store) or never sent (connection refused). Then the checks against the store and the read models.
 */
final class Ledger {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long OPENING_FEN = 10_000_000L; // 100,000.00 元 per line
    static final int LINES = 4;

    enum Fate { PENDING, ACKED, REFUSED, LOST, NOT_SENT }

    static final class Command {
        final String id;
        final String path;
        final String body;
        final Map<String, Long> deltas;
        volatile Fate fate = Fate.PENDING;
        volatile int conflicts;

        Command(String id, String path, String body, Map<String, Long> deltas) {
            this.id = id;
            this.path = path;
            this.body = body;
            this.deltas = deltas;
        }
    }

    final String budgetId;
    final TestDatabase db;
    final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger otherServerErrors = new AtomicInteger();
    final AtomicInteger lostThenFoundInStore = new AtomicInteger();
    final AtomicInteger lostAnswers = new AtomicInteger();
    volatile long slowest503Millis;
    final List<Throwable> clientFailures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sequence = new AtomicInteger();
    private final String prefix;

    Ledger(TestDatabase db, String departmentCode, String prefix) {
        this.db = db;
        this.budgetId = departmentCode + "-2026";
        this.prefix = prefix;
    }

    void open(AppNode node) throws IOException {
        AppNode.Answer opened = node.post(Role.FINANCE, "/api/budgets", "application/json", """
                {"departmentCode": "%s", "departmentName": "故障测试局", "fiscalYear": 2026,
                 "units": [{"code": "%s001", "name": "故障测试局本级", "type": "行政"}]}"""
                .formatted(budgetId.substring(0, 3), budgetId.substring(0, 3)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        for (int i = 1; i <= LINES; i++) {
            AppNode.Answer line = node.post(Role.FINANCE, "/api/budgets/" + budgetId + "/lines", "application/json", """
                    {"unitCode": "%s001", "functionalCode": "2010301", "kind": "项目支出", "fundingSource": "一般公共预算",
                     "origin": "当年", "project": "项目%d", "amount": "100000.00", "documentNo": "故障〔2026〕1号",
                     "reason": "年初预算", "commandId": "%s-open-%d"}""".formatted(budgetId.substring(0, 3), i, prefix, i));
            assertThat(line.status()).as(line.body()).isEqualTo(201);
        }
    }

    /** A new random command: mostly small adjustments and transfers, one in twenty an overdraft to be refused. */
    Command next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = prefix + "-" + sequence.incrementAndGet();
        long fen = 1 + random.nextLong(50_000);
        String amount = BigDecimal.valueOf(fen, 2).toPlainString();
        String a = "L" + (1 + random.nextInt(LINES));
        int kind = random.nextInt(20);
        Command command;
        if (kind == 0) {
            command = new Command(id, "/api/budgets/" + budgetId + "/adjustments", """
                    {"lineId": "%s", "amount": "-99999999.00", "documentNo": "故障〔2026〕2号", "reason": "追减", "commandId": "%s"}"""
                    .formatted(a, id), Map.of(a, -9_999_999_900L));
        } else if (kind < 10) {
            boolean down = random.nextInt(3) == 0;
            command = new Command(id, "/api/budgets/" + budgetId + "/adjustments", """
                    {"lineId": "%s", "amount": "%s%s", "documentNo": "故障〔2026〕2号", "reason": "%s", "commandId": "%s"}"""
                    .formatted(a, down ? "-" : "", amount, down ? "追减" : "追加", id), Map.of(a, down ? -fen : fen));
        } else {
            String b = "L" + (1 + (Integer.parseInt(a.substring(1)) % LINES));
            command = new Command(id, "/api/budgets/" + budgetId + "/transfers", """
                    {"fromLineId": "%s", "toLineId": "%s", "amount": "%s", "documentNo": "故障〔2026〕3号", "reason": "调剂", "commandId": "%s"}"""
                    .formatted(a, b, amount, id), Map.of(a, -fen, b, fen));
        }
        commands.add(command);
        return command;
    }

    /** Sends a command (again), retrying a 409 concurrent-change with the same commandId; records its fate. */
    void send(AppNode node, Command command) {
        for (int attempt = 0; attempt < 30; attempt++) {
            AppNode.Answer answer;
            try {
                answer = node.post(Role.FINANCE, command.path, "application/json", command.body);
            } catch (ConnectException e) {
                if (command.fate == Fate.PENDING) {
                    command.fate = Fate.NOT_SENT;
                }
                return;
            } catch (IOException e) {
                if (command.fate != Fate.LOST) {
                    lostAnswers.incrementAndGet();
                }
                command.fate = Fate.LOST;
                return;
            }
            if (answer.ok()) {
                command.fate = Fate.ACKED;
                return;
            }
            if (answer.status() == 409 && answer.body().contains("concurrent-change")) {
                conflicts.incrementAndGet();
                command.conflicts++;
                AppNode.pause(ThreadLocalRandom.current().nextInt(5, 50));
                continue;
            }
            if (answer.status() == 503) {
                assertThat(answer.body()).contains("database-unavailable");
                unavailable.incrementAndGet();
                if (command.fate != Fate.LOST) {
                    lostAnswers.incrementAndGet();
                }
                slowest503Millis = Math.max(slowest503Millis, answer.millis());
                command.fate = Fate.LOST;
                return;
            }
            if (answer.status() >= 500) {
                otherServerErrors.incrementAndGet();
                if (command.fate != Fate.LOST) {
                    lostAnswers.incrementAndGet();
                }
                System.out.println("[fault] " + answer.status() + " for " + command.id + ": " + answer.body());
                command.fate = Fate.LOST;
                return;
            }
            assertThat(answer.body()).as("a refusal is a problem detail").contains("\"rule\"");
            assertThat(answer.status()).as("a refusal of the ledger, not of the caller: " + answer.body()).isIn(400, 404, 409);
            command.fate = Fate.REFUSED;
            return;
        }
        command.fate = Fate.LOST;
    }

    /** Client threads sending new commands to the nodes (round robin) until {@code stop} is set. */
    List<Thread> drive(Supplier<List<AppNode>> nodes, int threads, AtomicBoolean stop) {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                int n = offset;
                try {
                    while (!stop.get()) {
                        List<AppNode> targets = nodes.get();
                        AppNode node = targets.get(n++ % targets.size());
                        Command command = next();
                        send(node, command);
                        if (command.fate == Fate.NOT_SENT || command.fate == Fate.LOST) {
                            AppNode.pause(200);
                        }
                    }
                } catch (Throwable e) {
                    clientFailures.add(e);
                }
            }, "fault-client-" + t);
            thread.start();
            started.add(thread);
        }
        return started;
    }

    static void join(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(180_000);
        }
    }

    long inStore(String commandId) {
        return db.count("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' = ?", budgetId, commandId);
    }

    /** Sends every command whose answer was lost again, same commandId, until it is acknowledged or refused. */
    void retryLost(AppNode node) {
        for (Command command : snapshot()) {
            if (command.fate != Fate.LOST) {
                continue;
            }
            if (inStore(command.id) > 0) {
                lostThenFoundInStore.incrementAndGet();
            }
            for (int attempt = 0; attempt < 20 && command.fate == Fate.LOST; attempt++) {
                send(node, command);
                if (command.fate == Fate.LOST) {
                    // Lost again: the node (or its database) is not answering yet; send once its health is UP.
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                            .until(() -> node.health() == 200);
                }
            }
            assertThat(command.fate).as("retry of " + command.id).isIn(Fate.ACKED, Fate.REFUSED);
        }
    }

    List<Command> snapshot() {
        synchronized (commands) {
            return new ArrayList<>(commands);
        }
    }

    long count(Fate fate) {
        return snapshot().stream().filter(c -> c.fate == fate).count();
    }

    /** Waits while the clients run until {@code more} further commands have been acknowledged. */
    void awaitAcknowledged(long more) {
        long target = count(Fate.ACKED) + more;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> count(Fate.ACKED) >= target);
    }

    Map<String, Long> expectedFen() {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (int i = 1; i <= LINES; i++) {
            expected.put("L" + i, OPENING_FEN);
        }
        for (Command command : snapshot()) {
            if (command.fate == Fate.ACKED) {
                command.deltas.forEach((line, delta) -> expected.merge(line, delta, Long::sum));
            }
        }
        return expected;
    }

    Map<String, Long> readModelFen(AppNode node) throws IOException {
        AppNode.Answer answer = node.get(Role.FINANCE, "/api/budgets/" + budgetId + "/lines");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, Long> amounts = new LinkedHashMap<>();
        for (JsonNode line : JSON.readTree(answer.body())) {
            amounts.put(line.get("lineId").asText(), new BigDecimal(line.get("amount").asText()).movePointRight(2).longValueExact());
        }
        return amounts;
    }

    /** Every promise kept: acknowledged once in the store, refused and unsent absent, amounts as acknowledged. */
    void checkStore(AppNode node) throws Exception {
        assertThat(clientFailures).as("failures seen by the client threads").isEmpty();
        for (Command command : snapshot()) {
            switch (command.fate) {
                case ACKED -> assertThat(inStore(command.id)).as("acknowledged " + command.id).isEqualTo(1);
                case REFUSED, NOT_SENT -> assertThat(inStore(command.id)).as(command.fate + " " + command.id).isZero();
                default -> throw new AssertionError(command.id + " left " + command.fate);
            }
        }
        // The command side: a zero-risk probe is not possible without a change, so compare the events' own sum.
        Map<String, Long> expected = expectedFen();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(readModelFen(node)).as("line amounts = opening + acknowledged changes").isEqualTo(expected));
    }

    /** The hash chain verifies; the read models' checksum before a rebuild from zero and after it. */
    static void checkAudit(AppNode node, boolean rebuild) throws IOException {
        AppNode.Answer verify = node.get(Role.AUDITOR, "/api/audit/verify");
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(JSON.readTree(verify.body()).get("ok").asBoolean()).as("hash chain: " + verify.body()).isTrue();
        if (rebuild) {
            AppNode.Answer rebuilt = node.post(Role.AUDITOR, "/api/audit/rebuild", "application/json", "");
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            assertThat(JSON.readTree(rebuilt.body()).get("identical").asBoolean())
                    .as("read models = a rebuild from zero: " + rebuilt.body()).isTrue();
        }
    }

    String summary(String faultClass, int faults) {
        long acked = count(Fate.ACKED);
        long found = snapshot().stream().filter(c -> c.fate == Fate.ACKED && inStore(c.id) == 1).count();
        return "[fault-summary] %s: operations %d, faults injected %d, acknowledged %d, found in store %d, refused %d, "
                .formatted(faultClass, commands.size(), faults, acked, found, count(Fate.REFUSED))
                + "answer lost %d (of which already stored %d), not sent %d, 409 conflicts retried %d, 503 %d, other 5xx %d, lost %d"
                .formatted(lostAnswers.get(), lostThenFoundInStore.get(), count(Fate.NOT_SENT), conflicts.get(),
                        unavailable.get(), otherServerErrors.get(), acked - found);
    }

    static Random random() {
        return new Random();
    }
}
