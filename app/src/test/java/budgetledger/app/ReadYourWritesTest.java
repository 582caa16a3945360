package budgetledger.app;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import budgetledger.security.Role;
import budgetledger.audit.ChainingEventStorageEngine;
import budgetledger.audit.GroupCommit;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import com.fasterxml.jackson.databind.JsonNode;
import budgetledger.projections.LedgerProcessing;
import budgetledger.processing.ReadYourWrites;
import budgetledger.processing.ShownEvents;
import budgetledger.projections.ProcessorDemand;
import budgetledger.command.api.RecordChangeReason;
import budgetledger.model.BudgetSubject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import budgetledger.events.BudgetLineAdjusted;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Read your writes: a write acknowledged with 200/201 is reflected by the very next read, with no waiting by the
 * client. The count of writes is {@code -Dbudget-ledger.test.read-your-writes=N} (default 1,600, which keeps the
 * class under a minute; the 10,000 pass too).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReadYourWritesTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();
    static final int CLIENTS = 8;
    static final int WRITES = Integer.getInteger("budget-ledger.test.read-your-writes", 1_600);
    /** Groups of appends written at once (budget-ledger.event-store.group-commit-leaders). */
    static final int GROUP_COMMIT_LEADERS = 2;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShownEvents shownEvents;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    CommandGateway commands;

    @Autowired
    ReadYourWrites readYourWrites;

    @Autowired
    ProcessorDemand processorDemand;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // the concurrent clients of this test, and the context's own work, need more than the default 5
        registry.add("budget-ledger.db.max-pool-size", () -> 12);
        // the bound of the wait; the 202 test below waits it out once
        registry.add("budget-ledger.read-your-writes.timeout-ms", () -> 3000);
        // as the default: a_group_commits_claims_each_budget_on_its_own holds every leader
        registry.add("budget-ledger.event-store.group-commit-leaders", () -> GROUP_COMMIT_LEADERS);
        // The reader at the head of the stream waits a minute between fetches unless the processor is wanted
        // (ProcessorDemand): every wait for the processor in this class must go through a demand, or run into it.
        registry.add("budget-ledger.event-store.head-fetch-idle-interval-ms", () -> IDLE_FETCH_MILLIS);
    }

    static final long IDLE_FETCH_MILLIS = 60_000;

    TrackingEventProcessor projections() {
        return processing.eventProcessor(LedgerProcessing.CORE, TrackingEventProcessor.class).orElseThrow();
    }

    TestRestTemplate finance() {
        return APP.finance();
    }

    TestRestTemplate analyst() {
        return APP.as(Role.ANALYST);
    }

    static ResponseEntity<JsonNode> post(TestRestTemplate http, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void an_imported_disclosure_is_readable_at_once_by_another_user() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> imported = finance().postForEntity("/api/disclosures",
                new HttpEntity<>(SampleText.seed().getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
        assertThat(imported.getStatusCode().value()).isEqualTo(201);
        String budgetId = imported.getBody().get("budgetId").asText();
        long position = Long.parseLong(imported.getHeaders().getFirst("Ledger-Position"));
        assertThat(position).isEqualTo(DB.count("select max(global_index) from domain_event_entry "
                + "where aggregate_identifier = ?", budgetId));

        ResponseEntity<JsonNode> table = analyst().getForEntity("/api/budgets/" + budgetId + "/tables/3", JsonNode.class);
        assertThat(table.getStatusCode().value()).isEqualTo(200);
        JsonNode total = table.getBody().get("rows").get(0);
        assertThat(total.get("labels").get(0).asText()).isEqualTo("合计");
        assertThat(total.get("amounts").get(0).asText()).isEqualTo("4294.01");
        assertThat(analyst().getForEntity("/api/budgets/" + budgetId + "/explanations", String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(analyst().getForObject("/api/budgets/" + budgetId + "/lines", JsonNode.class).size())
                .isEqualTo(imported.getBody().get("lines").asInt());
        assertThat(analyst().getForObject("/api/read-models/positions/" + position, JsonNode.class)
                .get("processed").asBoolean()).isTrue();
    }

    /**
     * Eight clients, each on a budget of its own with two lines, write (追加/追减 or 调剂) and then read: the line
     * must show the amount the write answered, and every fifth time table 3's 合计 the budget's total. A read that
     * shows anything else is stale.
     */
    @Test
    void eight_concurrent_clients_never_read_older_than_their_acknowledged_write() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong reads = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        AtomicLong notAcknowledged = new AtomicLong();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                writeAndRead(client, WRITES / CLIENTS, reads, stale, notAcknowledged);
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        clients.shutdown();
        System.out.printf("[read-your-writes] writes=%d reads=%d stale=%d not-acknowledged=%d%n",
                WRITES / CLIENTS * CLIENTS, reads.get(), stale.get(), notAcknowledged.get());
        assertThat(notAcknowledged.get()).isZero();
        assertThat(reads.get()).isEqualTo(WRITES / CLIENTS * CLIENTS + (long) WRITES / CLIENTS / 5 * CLIENTS);
        assertThat(stale.get()).isZero();
    }

    private void writeAndRead(int client, int writes, AtomicLong reads, AtomicLong stale, AtomicLong notAcknowledged) {
        TestRestTemplate http = finance();
        String department = String.valueOf(901 + client);
        String budget = "/api/budgets/" + department + "-2026";
        assertThat(post(http, "/api/budgets", """
                {"departmentCode":"%s","departmentName":"示例单位%d","fiscalYear":2026,
                 "units":[{"code":"%s001","name":"示例单位%d（本级）","type":"行政"}]}"""
                .formatted(department, client, department, client)).getStatusCode().value()).isEqualTo(201);
        long[] amountFen = new long[2];
        for (int line = 0; line < 2; line++) {
            ResponseEntity<JsonNode> created = post(http, budget + "/lines", """
                    {"unitCode":"%s001","functionalCode":"2010306","kind":"基本支出-公用经费","deptEconomicCode":"30201",
                     "govEconomicCode":"50201","fundingSource":"一般公共预算","origin":"当年","amount":"1000000.00",
                     "documentNo":"示财预〔2026〕1号","reason":"年初预算","commandId":"open-%d"}"""
                    .formatted(department, line));
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            amountFen[line] = 100_000_000;
        }
        for (int i = 0; i < writes; i++) {
            ResponseEntity<JsonNode> answer;
            if (i % 2 == 0) {
                long fen = i % 4 == 0 ? 12_345 : -12_345;
                answer = post(http, budget + "/adjustments", """
                        {"lineId":"L1","amount":"%s","documentNo":"示财预〔2026〕2号","reason":"追加","commandId":"a-%d"}"""
                        .formatted(BigDecimal.valueOf(fen, 2).toPlainString(), i));
            } else {
                answer = post(http, budget + "/transfers", """
                        {"fromLineId":"L1","toLineId":"L2","amount":"0.01","documentNo":"示财预〔2026〕3号",
                         "reason":"调剂","commandId":"t-%d"}""".formatted(i));
            }
            if (answer.getStatusCode().value() != 200) {
                notAcknowledged.incrementAndGet();
                continue;
            }
            for (JsonNode line : answer.getBody().get("lines")) {
                amountFen[line.get("lineId").asText().equals("L1") ? 0 : 1] =
                        new BigDecimal(line.get("amount").asText()).movePointRight(2).longValueExact();
            }
            String lineId = i % 2 == 0 ? "L1" : "L2";
            JsonNode read = http.getForObject(budget + "/lines/" + lineId, JsonNode.class);
            reads.incrementAndGet();
            long readFen = new BigDecimal(read.get("amount").asText()).movePointRight(2).longValueExact();
            if (readFen != amountFen[lineId.equals("L1") ? 0 : 1]) {
                stale.incrementAndGet();
            }
            if (i % 5 == 4) {
                JsonNode total = http.getForObject(budget + "/tables/3", JsonNode.class).get("rows").get(0);
                reads.incrementAndGet();
                String expected = BigDecimal.valueOf(amountFen[0] + amountFen[1], 2)
                        .divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP).toPlainString();
                if (!total.get("amounts").get(0).asText().equals(expected)) {
                    stale.incrementAndGet();
                }
            }
        }
    }

    /**
     * With the projections stopped a write the processor must apply cannot be shown in time (a 说明, which only the
     * processor writes): it is answered 202 with its position, which a client can wait for. A change to lines behind
     * it cannot be written in its command's transaction either (the read models lack the budget's event before it),
     * so it is 202 too; once the projections run again, both positions are reached and the reads show both writes.
     */
    @Test
    void past_the_bound_a_write_is_202_with_its_position_and_the_position_can_be_waited_for() {
        TestRestTemplate http = finance();
        openWithLine(http, "931", "500");
        TrackingEventProcessor projections = projections();
        projections.shutDown();
        try {
            ResponseEntity<JsonNode> reason = post(http, "/api/budgets/931-2026/change-reasons", """
                    {"subject":"收支总计","reason":"新增云桌面项目","documentNo":"文号","commandId":"late-reason"}""");
            assertThat(reason.getStatusCode().value()).isEqualTo(202);
            long position = Long.parseLong(reason.getHeaders().getFirst("Ledger-Position"));
            assertThat(position).isEqualTo(DB.count("select max(global_index) from domain_event_entry "
                    + "where aggregate_identifier = '931-2026'"));
            ResponseEntity<JsonNode> notYet = analyst().getForEntity("/api/read-models/positions/" + position,
                    JsonNode.class);
            assertThat(notYet.getStatusCode().value()).isEqualTo(202);
            assertThat(notYet.getBody().get("processed").asBoolean()).isFalse();
            ResponseEntity<JsonNode> adjusted = post(http, "/api/budgets/931-2026/adjustments", """
                    {"lineId":"L1","amount":"1","documentNo":"文号","reason":"追加","commandId":"late-adjustment"}""");
            assertThat(adjusted.getStatusCode().value()).isEqualTo(202);
            assertThat(lineAmount("931", "L1")).isEqualTo("500.00");

            projections.start();
            long adjustedAt = Long.parseLong(adjusted.getHeaders().getFirst("Ledger-Position"));
            ResponseEntity<JsonNode> reached = analyst().getForEntity("/api/read-models/positions/" + adjustedAt,
                    JsonNode.class);
            assertThat(reached.getStatusCode().value()).isEqualTo(200);
            assertThat(reached.getBody().get("processed").asBoolean()).isTrue();
            assertThat(DB.count("select count(*) from change_reason where budget_id = '931-2026'")).isEqualTo(1);
            assertThat(lineAmount("931", "L1")).isEqualTo("501.00");
        } finally {
            if (!projections.isRunning()) {
                projections.start();
            }
        }
    }

    /**
     * Issue 18: a change to lines is written to {@code budget_line} in its command's own transaction when the read
     * models hold the budget's events before it. With the projections stopped, lines added, adjusted and
     * transferred, and a line-item file imported, are acknowledged 201/200 and read back at once; the budget's
     * progress is its latest event throughout; when the processor starts again it passes over those events
     * (ShownEvents) and the rows do not change.
     */
    @Test
    void a_change_to_lines_is_shown_by_its_own_commit_and_the_processor_passes_over_it() {
        TestRestTemplate http = finance();
        openWithLine(http, "933", "500");
        TrackingEventProcessor projections = projections();
        projections.shutDown();
        long headBefore = DB.count("select max(global_index) from domain_event_entry");
        String before;
        long passedOverBefore;
        try {
            ResponseEntity<JsonNode> second = post(http, "/api/budgets/933-2026/lines", """
                    {"unitCode":"933001","functionalCode":"2010306","kind":"项目支出","fundingSource":"一般公共预算",
                     "origin":"当年","project":"运维费","amount":"100","documentNo":"文号","reason":"年初预算",
                     "commandId":"in-commit-line"}""");
            assertThat(second.getStatusCode().value()).isEqualTo(201);
            ResponseEntity<JsonNode> adjusted = post(http, "/api/budgets/933-2026/adjustments", """
                    {"lineId":"L1","amount":"20.50","documentNo":"文号","reason":"追加","commandId":"in-commit-adjust"}""");
            assertThat(adjusted.getStatusCode().value()).isEqualTo(200);
            // Answered from the command's own claim: the position is that of the adjustment's event.
            assertThat(adjusted.getHeaders().getFirst(ReadYourWrites.POSITION_HEADER)).isEqualTo(String.valueOf(
                    DB.count("select global_index from domain_event_entry where aggregate_identifier = '933-2026' "
                            + "and payload_type like '%BudgetLineAdjusted'")));
            assertThat(post(http, "/api/budgets/933-2026/transfers", """
                    {"fromLineId":"L1","toLineId":"L2","amount":"0.50","documentNo":"文号","reason":"调剂",
                     "commandId":"in-commit-transfer"}""").getStatusCode().value()).isEqualTo(200);
            assertThat(lineAmount("933", "L1")).isEqualTo("520.00");
            assertThat(lineAmount("933", "L2")).isEqualTo("100.50");
            // A line-item file: its lines in one event, inserted by the import's own commit.
            org.springframework.http.HttpHeaders csv = new org.springframework.http.HttpHeaders();
            csv.setContentType(org.springframework.http.MediaType.parseMediaType("text/csv"));
            ResponseEntity<JsonNode> imported = http.postForEntity("/api/budgets/933-2026/line-imports?fileName=a.csv",
                    new org.springframework.http.HttpEntity<>(("序号,单位编码,功能分类编码,支出类型,部门经济分类编码,"
                            + "政府经济分类编码,资金来源,当年或上年结转,项目名称,金额（元）,文号,说明\r\n"
                            + "1,933001,2010350,项目支出,,,一般公共预算,当年,培训费,30.00,文号,年初预算\r\n"
                            + "2,933001,2010350,项目支出,,,一般公共预算,当年,差旅费,40.00,文号,年初预算\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), csv), JsonNode.class);
            assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
            assertThat(lineAmount("933", "L3")).isEqualTo("30.00");
            assertThat(lineAmount("933", "L4")).isEqualTo("40.00");
            assertThat(DB.count("select applied_sequence from budget_progress where budget_id = '933-2026'"))
                    .isEqualTo(DB.count("select max(sequence_number) from domain_event_entry "
                            + "where aggregate_identifier = '933-2026'"));
            before = lineRows("933");
            passedOverBefore = shownEvents.passedOver();
        } finally {
            projections.start();
        }
        long head = DB.count("select max(global_index) from domain_event_entry");
        assertThat(analyst().getForEntity("/api/read-models/positions/" + head, JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(lineRows("933")).isEqualTo(before);
        // The processor passed over every event the commands wrote while it was stopped (line, adjustment, transfer,
        // the file's two), without applying them again (ShownEvents), and reached the head all the same.
        long writtenInCommands = DB.count("select count(*) from domain_event_entry "
                + "where aggregate_identifier = '933-2026' and global_index > " + headBefore);
        assertThat(writtenInCommands).isPositive();
        assertThat(shownEvents.passedOver() - passedOverBefore).isGreaterThanOrEqualTo(writtenInCommands);
    }

    /**
     * Issue 18: a change to lines is written in its command's own transaction only when the read models hold exactly
     * the budget's earlier events (LinesInCommandTransaction's claim). When they lag (here a 说明, which only the
     * processor writes, while the processor is stopped), the adjustment is appended and sealed, but neither the line
     * nor the budget's progress moves until the processor applies both events in order.
     */
    @Test
    void an_adjustment_whose_budget_the_read_models_lag_is_left_to_the_processor() {
        TestRestTemplate http = finance();
        openWithLine(http, "935", "300");
        long progressBefore = DB.count("select applied_sequence from budget_progress where budget_id = '935-2026'");
        TrackingEventProcessor projections = projections();
        projections.shutDown();
        try {
            // Not shown while the processor is stopped: acknowledged 202 once the bound (3 s here) is waited out.
            assertThat(post(http, "/api/budgets/935-2026/change-reasons", """
                    {"subject":"收支总计","reason":"新增云桌面项目","documentNo":"文号","commandId":"lag-reason"}""")
                    .getStatusCode().value()).isEqualTo(202);
            assertThat(post(http, "/api/budgets/935-2026/adjustments", """
                    {"lineId":"L1","amount":"20.25","documentNo":"文号","reason":"追加","commandId":"lag-adjust"}""")
                    .getStatusCode().value()).isEqualTo(202);
            long adjusted = DB.count("select global_index from domain_event_entry where aggregate_identifier = "
                    + "'935-2026' and payload_type like '%BudgetLineAdjusted'");
            assertThat(DB.count("select count(*) from event_seal where global_index = " + adjusted)
                    + DB.count("select count(*) from event_chain where global_index = " + adjusted)).isEqualTo(1);
            assertThat(DB.count("select amount_fen from budget_line where budget_id = '935-2026' and line_id = 'L1'"))
                    .isEqualTo(30_000);
            assertThat(DB.count("select applied_sequence from budget_progress where budget_id = '935-2026'"))
                    .isEqualTo(progressBefore);
        } finally {
            projections.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> DB.count(
                "select applied_sequence from budget_progress where budget_id = '935-2026'") == progressBefore + 2);
        assertThat(lineAmount("935", "L1")).isEqualTo("320.25");
    }

    /**
     * Issue 18: an adjustment's append and its write of the line land whole or not at all. An append that loses a
     * race (here: an event id already in the store, at the next free sequence, so that the claim and the amount would
     * otherwise hold) is Axon's ConcurrencyException, and neither the line, nor the budget's progress, nor the seals
     * moved.
     */
    @Test
    void an_append_that_fails_writes_no_amount_and_moves_no_progress() {
        TestRestTemplate http = finance();
        openWithLine(http, "936", "400");
        long progress = DB.count("select applied_sequence from budget_progress where budget_id = '936-2026'");
        long last = DB.count("select max(sequence_number) from domain_event_entry where aggregate_identifier = '936-2026'");
        assertThat(progress).isEqualTo(last);
        String takenId = jdbc.queryForObject("select event_identifier from domain_event_entry "
                + "where aggregate_identifier = '936-2026' and sequence_number = 0", String.class);
        long seals = DB.count("select (select count(*) from event_seal) + (select count(*) from event_chain)");
        String lines = lineRows("936");
        GenericDomainEventMessage<BudgetLineAdjusted> racing = new GenericDomainEventMessage<>("DepartmentBudget",
                "936-2026", last + 1, new GenericMessage<>(takenId, new BudgetLineAdjusted("936-2026", "L1", 5_000,
                45_000, "文号", "追加", "racing"), java.util.Map.of()), Instant.now());
        assertThatThrownBy(() -> eventStore.publish(racing)).isInstanceOf(ConcurrencyException.class);
        assertThat(lineRows("936")).isEqualTo(lines);
        assertThat(DB.count("select applied_sequence from budget_progress where budget_id = '936-2026'"))
                .isEqualTo(progress);
        assertThat(DB.count("select max(sequence_number) from domain_event_entry where aggregate_identifier = "
                + "'936-2026'")).isEqualTo(last);
        assertThat(DB.count("select (select count(*) from event_seal) + (select count(*) from event_chain)"))
                .isEqualTo(seals);
        // The same event with an id of its own lands, and with it the amount and the progress.
        eventStore.publish(new GenericDomainEventMessage<>("DepartmentBudget", "936-2026", last + 1,
                new BudgetLineAdjusted("936-2026", "L1", 5_000, 45_000, "文号", "追加", "not-racing")));
        assertThat(DB.count("select amount_fen from budget_line where budget_id = '936-2026' and line_id = 'L1'"))
                .isEqualTo(45_000);
        assertThat(DB.count("select applied_sequence from budget_progress where budget_id = '936-2026'"))
                .isEqualTo(last + 1);
    }

    /**
     * Issue 18: the appends of a group commit are claimed in one statement, each budget on its own. Both leaders of
     * the group commit are held on a row lock of their budgets' progress, so that three adjustments of three other
     * budgets queue and are written as one group; the read models of one of the three lag (a 说明 left to the stopped
     * processor). The other two are shown by the group's commit (200, the line's new amount, progress at their event);
     * the lagging one is appended but its line and progress wait for the processor, then show it in order.
     */
    @Test
    void a_group_commits_claims_each_budget_on_its_own() throws Exception {
        TestRestTemplate http = finance();
        // One budget per leader, whose progress row is locked; then three queued behind them, one of them lagging.
        List<String> held = List.of("941", "942");
        List<String> queued = List.of("943", "944", "945");
        String lagging = "944";
        assertThat(held).hasSize(GROUP_COMMIT_LEADERS);
        for (String code : java.util.stream.Stream.concat(held.stream(), queued.stream()).toList()) {
            openWithLine(http, code, "100");
        }
        GroupCommit<?> group = ((ChainingEventStorageEngine) storageEngine).groupCommit().orElseThrow();
        TrackingEventProcessor projections = projections();
        projections.shutDown();
        ExecutorService clients = Executors.newFixedThreadPool(held.size() + queued.size());
        try {
            assertThat(post(http, "/api/budgets/" + lagging + "-2026/change-reasons", """
                    {"subject":"收支总计","reason":"新增云桌面项目","documentNo":"文号","commandId":"group-lag"}""")
                    .getStatusCode().value()).isEqualTo(202);
            long laggingProgress = progress(lagging);
            long groupsBefore = group.groups();
            long appendsBefore = group.appends();
            java.util.Map<String, Future<ResponseEntity<JsonNode>>> answers = new java.util.LinkedHashMap<>();
            transactions.executeInTransaction(() -> {
                jdbc.queryForList("select budget_id from budget_progress where budget_id = any(?) for update",
                        String.class, (Object) held.stream().map(code -> code + "-2026").toArray(String[]::new));
                for (String code : held) {
                    answers.put(code, clients.submit(() -> adjust(http, code)));
                }
                // Every leader waits on the lock (the claim of its budget's progress) inside its group.
                await().atMost(Duration.ofSeconds(20)).until(() -> DB.count("select count(*) from pg_stat_activity "
                        + "where datname = current_database() and wait_event_type = 'Lock'") == held.size());
                for (String code : queued) {
                    answers.put(code, clients.submit(() -> adjust(http, code)));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> group.queued() == queued.size());
            });
            for (String code : answers.keySet()) {
                assertThat(answers.get(code).get(20, TimeUnit.SECONDS).getStatusCode().value()).as(code)
                        .isEqualTo(code.equals(lagging) ? 202 : 200);
            }
            // A group per held leader, then the queued ones together in one.
            assertThat(group.groups() - groupsBefore).isEqualTo(held.size() + 1);
            assertThat(group.appends() - appendsBefore).isEqualTo(held.size() + queued.size());
            for (String code : answers.keySet()) {
                if (code.equals(lagging)) {
                    assertThat(DB.count("select amount_fen from budget_line where budget_id = '" + code
                            + "-2026' and line_id = 'L1'")).isEqualTo(10_000);
                    assertThat(progress(code)).isEqualTo(laggingProgress);
                } else {
                    assertThat(lineAmount(code, "L1")).as(code).isEqualTo("112.34");
                    assertThat(progress(code)).as(code).isEqualTo(DB.count("select max(sequence_number) from "
                            + "domain_event_entry where aggregate_identifier = '" + code + "-2026'"));
                }
            }
        } finally {
            clients.shutdownNow();
            projections.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> DB.count("select amount_fen from budget_line "
                + "where budget_id = '" + lagging + "-2026' and line_id = 'L1'") == 11_234);
    }

    private static long progress(String code) {
        return DB.count("select applied_sequence from budget_progress where budget_id = '" + code + "-2026'");
    }

    private static ResponseEntity<JsonNode> adjust(TestRestTemplate http, String code) {
        return post(http, "/api/budgets/" + code + "-2026/adjustments", """
                {"lineId":"L1","amount":"12.34","documentNo":"文号","reason":"追加","commandId":"group-%s"}"""
                .formatted(code));
    }

    /**
     * Issue 18: a write waits for the segment that handles its budget's events, not for the others. With the other
     * segment released (nothing processes its budgets), a 说明 recorded for this budget (written by the processor) is
     * still acknowledged 200 and read back at once, while a bare position, which waits for every segment, is not
     * reached.
     */
    @Test
    void a_write_waits_for_its_budgets_segment_only() {
        TestRestTemplate http = finance();
        openWithLine(http, "932", "700");
        TrackingEventProcessor projections = projections();
        Segment[] segments = Segment.computeSegments(0, 1);
        int other = segments[0].matches("932-2026") ? 1 : 0;
        projections.releaseSegment(other, 60, TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !projections.processingStatus().containsKey(other));
            ResponseEntity<JsonNode> reason = post(http, "/api/budgets/932-2026/change-reasons", """
                    {"subject":"收支总计","reason":"新增云桌面项目","documentNo":"文号","commandId":"own-segment-1"}""");
            assertThat(reason.getStatusCode().value()).isEqualTo(200);
            assertThat(DB.count("select count(*) from change_reason where budget_id = '932-2026'")).isEqualTo(1);
            // The released segment's stored token stops before this write: a bare position is not reached.
            long position = Long.parseLong(reason.getHeaders().getFirst("Ledger-Position"));
            ResponseEntity<JsonNode> everySegment = analyst().getForEntity("/api/read-models/positions/" + position,
                    JsonNode.class);
            assertThat(everySegment.getStatusCode().value()).isEqualTo(202);
        } finally {
            projections.releaseSegment(other, -1, TimeUnit.SECONDS);
        }
    }

    /** Opens the budget {@code <code>-2026} with one unit and its line L1 of this amount (元), both acknowledged. */
    private static void openWithLine(TestRestTemplate http, String code, String amount) {
        assertThat(post(http, "/api/budgets", """
                {"departmentCode":"%s","departmentName":"示例单位","fiscalYear":2026,
                 "units":[{"code":"%s001","name":"本级","type":"行政"}]}""".formatted(code, code))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(post(http, "/api/budgets/" + code + "-2026/lines", """
                {"unitCode":"%s001","functionalCode":"2010306","kind":"项目支出","fundingSource":"一般公共预算",
                 "origin":"当年","project":"云桌面服务费","amount":"%s","documentNo":"文号","reason":"年初预算",
                 "commandId":"open-line-%s"}""".formatted(code, amount, code)).getStatusCode().value()).isEqualTo(201);
    }

    private String lineAmount(String code, String lineId) {
        return analyst().getForObject("/api/budgets/" + code + "-2026/lines/" + lineId, JsonNode.class)
                .get("amount").asText();
    }

    private String lineRows(String code) {
        return String.join("\n", jdbc.queryForList("select t::text from budget_line t where budget_id = ? "
                + "order by line_id", String.class, code + "-2026"));
    }

    /**
     * Issue 18: only the journal's commit waits for the disk. The ledger-core processor's transactions (a batch's
     * rows with its token) commit asynchronously; every other transaction, the command's among them, as configured.
     */
    @Test
    void the_projection_batches_commit_without_waiting_for_the_disk_and_other_transactions_do_not() {
        TransactionManager batches = processing.transactionManager(LedgerProcessing.CORE);
        assertThat(settingIn(batches, "synchronous_commit")).isEqualTo("off");
        assertThat(settingIn(batches, "plan_cache_mode")).isEqualTo("auto");
        assertThat(settingIn(transactions, "synchronous_commit")).isEqualTo("on");
        assertThat(settingIn(transactions, "plan_cache_mode")).isEqualTo("auto");
    }

    /**
     * Issue 18: the event store's reader at the head paces itself at the idle interval (a minute here) while every
     * event since its last fetch was written by its own command. A command whose events its transaction did not write
     * (a 说明, which only the processor writes; sent without read your writes) wants the processor, and the processor
     * applies its event at once, not a minute later.
     */
    @Test
    void an_event_its_command_did_not_write_cuts_the_readers_idle_wait_short() {
        TestRestTemplate http = finance();
        openWithLine(http, "939", "100");
        assertThat(post(http, "/api/budgets/939-2026/adjustments", """
                {"lineId":"L1","amount":"1.00","documentNo":"文号","reason":"追加","commandId":"pace-adjust"}""")
                .getStatusCode().value()).isEqualTo(200);
        // Every event so far handled (the positions endpoint waits for it): the reader is now at the head, pacing.
        long head = DB.count("select max(global_index) from domain_event_entry");
        assertThat(analyst().getForEntity("/api/read-models/positions/" + head, JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
        long progressBefore = DB.count("select applied_sequence from budget_progress where budget_id = '939-2026'");
        long started = System.nanoTime();
        commands.sendAndWait(new RecordChangeReason("939-2026", BudgetSubject.TOTAL, "新增云桌面项目", "文号",
                "pace-reason"));
        await().atMost(Duration.ofSeconds(15)).until(() -> DB.count(
                "select applied_sequence from budget_progress where budget_id = '939-2026'") == progressBefore + 1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(IDLE_FETCH_MILLIS / 2));
    }

    /**
     * Issue 18: a write that waits for the processor wants it (an event another node committed would otherwise be
     * read at the idle interval), as long as it waits; a write whose event is handled already wants nothing.
     */
    @Test
    void a_write_waiting_for_the_processor_demands_it() {
        AtomicLong demands = new AtomicLong();
        processorDemand.listen(demands::incrementAndGet);
        long head = DB.count("select max(global_index) from domain_event_entry");
        long before = demands.get();
        // A position no event has yet: waited for until the bound (3 s here), looking every few milliseconds.
        assertThat(readYourWrites.awaitPosition(head + 1_000_000)).isFalse();
        assertThat(demands.get() - before).isGreaterThan(1);
        long after = demands.get();
        assertThat(readYourWrites.awaitPosition(0)).isTrue();
        assertThat(demands.get()).isEqualTo(after);
    }

    /**
     * Issue 18: a batch plans its statements afresh (a rebuild refills the tables it emptied) from the moment one of
     * its events reaches the projections, not before: a batch whose events the read models already show only reads
     * the progress and stores its token, with the plans PostgreSQL keeps. Run through the processor's own handler
     * interceptors (the application's), in the order it runs them: a pass-over rule asked before another must not
     * plan afresh for an event the other then passes over (each rule had been an interceptor of its own, and the
     * journal's, registered first, switched every batch to custom plans before the progress read).
     */
    @Test
    void a_batch_plans_afresh_once_an_event_reaches_the_projections_and_not_while_it_passes_events_over() {
        TransactionManager batches = processing.transactionManager(LedgerProcessing.CORE);
        // The application's interceptors, in the processor's order (Axon's own first one stores the token).
        List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = processing
                .eventProcessor(LedgerProcessing.CORE, TrackingEventProcessor.class).orElseThrow()
                .getHandlerInterceptors().stream()
                .filter(interceptor -> interceptor.getClass().getPackageName().startsWith("budgetledger."))
                .toList();
        assertThat(interceptors).as("the application's interceptors of the processor").isNotEmpty();
        Transaction transaction = batches.startTransaction();
        try {
            jdbc.update("insert into budget_progress (budget_id, applied_sequence) values ('plan-shown', 5)");
            List<String> seen = new ArrayList<>();
            MessageHandler<EventMessage<?>> projections =
                    message -> seen.add(jdbc.queryForObject("show plan_cache_mode", String.class));

            BatchingUnitOfWork<EventMessage<?>> shown = new BatchingUnitOfWork<>(List.of(
                    new GenericDomainEventMessage<>("Noted", "plan-shown", 5, "shown")));
            assertThat(new DefaultInterceptorChain<>(shown, interceptors, projections).proceed()).isNull();
            assertThat(seen).as("an event shown already does not reach the projections").isEmpty();
            assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");

            BatchingUnitOfWork<EventMessage<?>> applied = new BatchingUnitOfWork<>(List.of(
                    new GenericDomainEventMessage<>("Noted", "plan-shown", 6, "not shown yet")));
            new DefaultInterceptorChain<>(applied, interceptors, projections).proceed();
            assertThat(seen).containsExactly("force_custom_plan");
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            transaction.rollback();
        }
    }

    private String settingIn(TransactionManager manager, String setting) {
        Transaction transaction = manager.startTransaction();
        try {
            return jdbc.queryForObject("show " + setting, String.class);
        } finally {
            transaction.rollback();
        }
    }
}
