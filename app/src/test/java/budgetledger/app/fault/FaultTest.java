package budgetledger.app.fault;

import budgetledger.app.TestDatabase;
import budgetledger.app.config.EmbeddedPostgresServer;
import budgetledger.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults the ledger must survive without breaking a promise, each on real PostgreSQL with the application as a
 * separate process: kill -9 under load, kill -9 during an import, two nodes on one database, the database gone.
 * Prints one summary line per fault class ({@code [fault-summary]}).
 */
@Tag("fault")
class FaultTest {

    static final Duration START = Duration.ofMinutes(4);
    static final int KILL_ROUNDS = 5;
    final List<AppNode> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        for (AppNode node : nodes) {
            if (node.alive()) {
                node.kill();
            }
        }
    }

    AppNode node(String name, String url, String user, String... args) {
        AppNode node = new AppNode(name, url, user, AppNode.freePort(), args);
        nodes.add(node);
        return node;
    }

    @Test
    void kill_minus_9_under_load_keeps_every_acknowledged_command_exactly_once() throws Exception {
        TestDatabase db = TestDatabase.create();
        Ledger ledger = new Ledger(db, "931", "k9");
        AppNode app = node("kill9", db.url, db.user).start().awaitUp(START);
        ledger.open(app);
        long recoveryMillis = 0;
        for (int round = 1; round <= KILL_ROUNDS; round++) {
            AtomicBoolean stop = new AtomicBoolean();
            AppNode target = app;
            List<Thread> clients = ledger.drive(() -> List.of(target), 4, stop);
            // A random moment under load: after a random number of acknowledged changes.
            ledger.awaitAcknowledged(ThreadLocalRandom.current().nextLong(20, 150));
            app.kill();
            stop.set(true);
            Ledger.join(clients);
            long restart = System.nanoTime();
            app.start().awaitUp(START);
            recoveryMillis = Math.max(recoveryMillis, (System.nanoTime() - restart) / 1_000_000);
            ledger.retryLost(app);
            System.out.printf("[fault] kill -9 round %d: %d commands so far, %d acknowledged, %d answers lost%n",
                    round, ledger.commands.size(), ledger.count(Ledger.Fate.ACKED), ledger.lostAnswers.get());
        }
        ledger.checkStore(app);
        Ledger.checkAudit(app, true);
        assertThat(ledger.count(Ledger.Fate.ACKED)).isPositive();
        System.out.println(ledger.summary("kill-9", KILL_ROUNDS) + ", slowest restart to UP " + recoveryMillis + " ms");
    }

    @Test
    void kill_minus_9_during_an_import_leaves_the_budget_wholly_there_or_wholly_absent() throws Exception {
        String seed = seed();
        // A clean import first: how many events a whole budget has, and how long the request takes here.
        TestDatabase reference = TestDatabase.create();
        AppNode first = node("import-reference", reference.url, reference.user).start().awaitUp(START);
        AppNode.Answer whole = first.post(Role.FINANCE, "/api/disclosures", "text/plain; charset=UTF-8", seed);
        assertThat(whole.status()).as(whole.body()).isEqualTo(201);
        long expectedEvents = Ledger.JSON.readTree(whole.body()).get("events").asLong();
        long importMillis = Math.max(whole.millis(), 20);
        first.stop();

        int rounds = 3;
        int present = 0;
        int absent = 0;
        for (int round = 1; round <= rounds; round++) {
            TestDatabase db = TestDatabase.create();
            AppNode app = node("import-" + round, db.url, db.user).start().awaitUp(START);
            AtomicReference<AppNode.Answer> answer = new AtomicReference<>();
            Thread importer = new Thread(() -> {
                try {
                    answer.set(app.post(Role.FINANCE, "/api/disclosures", "text/plain; charset=UTF-8", seed));
                } catch (Exception e) {
                    // the answer is lost with the process
                }
            });
            importer.start();
            // Somewhere between parsing and a while after the commit of the import's one transaction (the reference
            // was also the first import of its process).
            AppNode.pause(ThreadLocalRandom.current().nextLong(importMillis / 3, importMillis * 3 / 2 + 1));
            app.kill();
            importer.join(60_000);
            app.start().awaitUp(START);
            long events = db.count("select count(*) from domain_event_entry where aggregate_identifier = '062-2026'");
            if (answer.get() != null && answer.get().ok()) {
                assertThat(events).as("an acknowledged import is there").isPositive();
            }
            if (events == 0) {
                absent++;
                assertThat(db.count("select count(*) from budget_line")).as("no read model of an absent budget").isZero();
                AppNode.Answer again = app.post(Role.FINANCE, "/api/disclosures", "text/plain; charset=UTF-8", seed);
                assertThat(again.status()).as(again.body()).isEqualTo(201);
            } else {
                present++;
                AppNode.Answer again = app.post(Role.FINANCE, "/api/disclosures", "text/plain; charset=UTF-8", seed);
                assertThat(again.status()).as("importing it again: " + again.body()).isEqualTo(409);
            }
            assertThat(db.count("select count(*) from domain_event_entry where aggregate_identifier = '062-2026'"))
                    .as("the budget is whole").isEqualTo(expectedEvents);
            Ledger.checkAudit(app, true);
            app.stop();
        }
        System.out.printf("[fault-summary] kill-9-during-import: operations %d, faults injected %d, wholly present %d,"
                + " wholly absent (imported again) %d, partial 0, lost 0 (a whole import: %d events in %d ms)%n",
                rounds, rounds, present, absent, expectedEvents, importMillis);
    }

    @Test
    void two_nodes_on_one_database_lose_no_update_and_hand_over_their_segments() throws Exception {
        TestDatabase db = TestDatabase.create();
        Ledger ledger = new Ledger(db, "932", "two");
        AppNode a = node("node-a", db.url, db.user, "--budget-ledger.processing.balance-interval-ms=2000").start();
        a.awaitUp(START);
        AppNode b = node("node-b", db.url, db.user, "--budget-ledger.processing.balance-interval-ms=2000").start();
        b.awaitUp(START);
        // Node A came first and claimed both segments; it hands one over to node B within a few seconds.
        long split = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() ->
                owners(db).values().stream().filter(o -> o != null).distinct().count() >= 2);
        long splitMillis = (System.nanoTime() - split) / 1_000_000;
        ledger.open(a);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = ledger.drive(() -> List.of(a, b), 4, stop);
        ledger.awaitAcknowledged(250);
        stop.set(true);
        Ledger.join(clients);
        assertThat(ledger.otherServerErrors.get()).as("no 5xx from two nodes").isZero();
        assertThat(ledger.count(Ledger.Fate.LOST)).isZero();
        ledger.checkStore(a);
        ledger.checkStore(b);

        Map<Integer, String> owners = owners(db);
        System.out.println("[fault] ledger-core segments with two nodes: " + owners + " (node-a pid " + a.pid()
                + ", node-b pid " + b.pid() + ")");
        assertThat(owners).as("two segments, each claimed").hasSize(2).doesNotContainValue(null);
        assertThat(owners.values()).as("one segment on each node").anyMatch(o -> o.startsWith(a.pid() + "@"))
                .anyMatch(o -> o.startsWith(b.pid() + "@"));

        long handover = System.nanoTime();
        a.stop();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() ->
                owners(db).values().stream().allMatch(o -> o != null && o.startsWith(b.pid() + "@")));
        long handoverMillis = (System.nanoTime() - handover) / 1_000_000;
        assertThat(owners(db).values()).as("node-b holds every segment after node-a stopped")
                .allMatch(o -> o != null && o.startsWith(b.pid() + "@"));

        // Node B alone processes what comes next, and its read models equal a rebuild from zero.
        for (int i = 0; i < 20; i++) {
            ledger.send(b, ledger.next());
        }
        ledger.checkStore(b);
        // The rebuild's checksums are compared once every segment has passed the head (a just-handed-over segment
        // is no longer compared half caught up, which once made this differ).
        Ledger.checkAudit(b, true);
        System.out.println(ledger.summary("two-nodes", 1) + ", segments split " + splitMillis
                + " ms after node-b was up, handed over " + handoverMillis + " ms after node-a stopped");
    }

    @Test
    void database_outage_answers_503_at_once_loses_nothing_and_recovers_by_itself() throws Exception {
        Path dataDir = Files.createTempDirectory("budget-ledger-fault-pg");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0);
        int port = postgres.port();
        try {
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";
            TestDatabase db = TestDatabase.at(url, "postgres");
            Ledger ledger = new Ledger(db, "933", "db");
            AppNode app = node("outage", url, "postgres", "--budget-ledger.db.connection-timeout-ms=2000").start().awaitUp(START);
            ledger.open(app);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = ledger.drive(() -> List.of(app), 4, stop);
            ledger.awaitAcknowledged(50);
            long acknowledgedBefore = ledger.count(Ledger.Fate.ACKED);
            postgres.close();
            long down = System.nanoTime();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> app.health() == 503);
            long healthDownMillis = (System.nanoTime() - down) / 1_000_000;
            assertThat(app.health()).as("health DOWN without the database").isEqualTo(503);
            // The outage lasts until every client has been refused a few times.
            await().atMost(Duration.ofMinutes(1)).until(() -> ledger.unavailable.get() >= 12);
            assertThat(ledger.unavailable.get()).as("requests refused with 503 while the database is gone").isPositive();
            postgres = EmbeddedPostgresServer.start(dataDir, port);
            long up = System.nanoTime();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> app.health() == 200);
            long recoveryMillis = (System.nanoTime() - up) / 1_000_000;
            assertThat(app.health()).as("health UP when the database is back").isEqualTo(200);
            ledger.awaitAcknowledged(20);
            stop.set(true);
            Ledger.join(clients);
            ledger.retryLost(app);
            ledger.checkStore(app);
            Ledger.checkAudit(app, true);
            assertThat(ledger.count(Ledger.Fate.ACKED)).isGreaterThan(acknowledgedBefore);
            assertThat(ledger.otherServerErrors.get()).as("503, never another 5xx, while the database is gone").isZero();
            System.out.println(ledger.summary("database-outage", 1) + ", health DOWN after " + healthDownMillis
                    + " ms, UP " + recoveryMillis + " ms after the database returned, slowest 503 "
                    + ledger.slowest503Millis + " ms (connection timeout 2000 ms)");
            app.stop();
        } finally {
            postgres.close();
        }
    }

    static Map<Integer, String> owners(TestDatabase db) {
        Map<Integer, String> owners = new HashMap<>();
        int segments = (int) db.count("select count(*) from token_entry where processor_name = 'ledger-core'");
        for (int segment = 0; segment < segments; segment++) {
            owners.put(segment, db.text("select owner from token_entry where processor_name = 'ledger-core' and segment = ?", segment));
        }
        return owners;
    }

    static String seed() throws Exception {
        try (var in = FaultTest.class.getClassLoader().getResourceAsStream("disclosures/sample-062-2026.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
