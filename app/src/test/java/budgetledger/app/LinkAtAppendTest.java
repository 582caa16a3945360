package budgetledger.app;

import budgetledger.events.BudgetLineAdjusted;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a command's events are linked to the event chain in the command's own commit (EventChain.linkAtAppend),
 * so an acknowledged event has its link at once and no seal, with no linker running (the background linker is off
 * here). Events appended in a caller's transaction are sealed; the next command's append links them ahead of its own
 * events. While a sealed row is changed, commands are sealed instead of linked, and verification names the row.
 * Concurrent commands leave a chain with every event linked once, without gaps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "budget-ledger.audit.background-linker=false")
@DirtiesContext
class LinkAtAppendTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    static ResponseEntity<JsonNode> post(TestRestTemplate http, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Opens a budget (one event) and returns the event's global index. */
    static long open(TestRestTemplate http, String code) {
        assertThat(post(http, "/api/budgets", """
                {"departmentCode":"%s","departmentName":"链测试部门","fiscalYear":2026,
                 "units":[{"code":"%s001","name":"本级","type":"行政"}]}""".formatted(code, code))
                .getStatusCode().value()).isEqualTo(201);
        return DB.count("select global_index from domain_event_entry where aggregate_identifier = ?", code + "-2026");
    }

    /** Opens a budget with line L1 of {@code amountFen}. */
    static void openWithLine(TestRestTemplate http, String code, long amountFen) {
        open(http, code);
        assertThat(post(http, "/api/budgets/" + code + "-2026/lines", """
                {"unitCode":"%s001","functionalCode":"2010306","kind":"项目支出","fundingSource":"一般公共预算",
                 "origin":"当年","project":"云桌面服务费","amount":"%d.%02d","documentNo":"文号","reason":"年初预算",
                 "commandId":"open-line-%s"}""".formatted(code, amountFen / 100, amountFen % 100, code))
                .getStatusCode().value()).isEqualTo(201);
    }

    /** Appends an adjustment of L1 (from {@code amountFen}, by 50.00) in a transaction of the caller's; its index. */
    long adjustInCallersTransaction(String code, long amountFen) {
        String budgetId = code + "-2026";
        long last = DB.count("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                budgetId);
        transactions.executeInTransaction(() -> eventStore.publish(new GenericDomainEventMessage<>("DepartmentBudget",
                budgetId, last + 1, new BudgetLineAdjusted(budgetId, "L1", 5_000, amountFen + 5_000, "文号", "追加",
                "callers-" + code))));
        return DB.count("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", budgetId, last + 1);
    }

    static long head() {
        return DB.count("select coalesce(max(position), 0) from event_chain");
    }

    static long positionOf(long globalIndex) {
        return DB.count("select position from event_chain where global_index = ?", globalIndex);
    }

    JsonNode verify() {
        return APP.auditor().getForObject("/api/audit/verify", JsonNode.class);
    }

    @Test
    void an_acknowledged_command_is_linked_by_its_own_commit() {
        long head = head();
        long opened = open(APP.finance(), "961");
        // Read right after the 201, with no linker running: the link is there, the seal never was.
        assertThat(positionOf(opened)).isEqualTo(head + 1);
        assertThat(DB.count("select count(*) from event_seal")).isZero();
        JsonNode verified = verify();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("position").asLong()).isEqualTo(head + 1);
    }

    @Test
    void seals_of_a_callers_transaction_are_linked_by_the_next_command_ahead_of_its_own_events() {
        TestRestTemplate http = APP.finance();
        openWithLine(http, "962", 30_000);
        long head = head();
        long sealedIndex = adjustInCallersTransaction("962", 30_000);
        assertThat(DB.count("select count(*) from event_seal where global_index = ?", sealedIndex)).isEqualTo(1);
        assertThat(head()).isEqualTo(head);

        long opened = open(http, "963");
        assertThat(DB.count("select count(*) from event_seal")).isZero();
        assertThat(positionOf(sealedIndex)).isEqualTo(head + 1);
        assertThat(positionOf(opened)).isEqualTo(head + 2);
        JsonNode verified = verify();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("position").asLong()).isEqualTo(head + 2);
    }

    @Test
    void while_a_sealed_row_is_changed_commands_are_sealed_and_verification_names_the_row() {
        TestRestTemplate http = APP.finance();
        openWithLine(http, "964", 10_000);
        long head = head();
        long sealedIndex = adjustInCallersTransaction("964", 10_000);
        String original = DB.text("select encode(payload, 'hex') from domain_event_entry where global_index = ?",
                sealedIndex);
        DB.update("update domain_event_entry set payload = overlay(payload placing '\\x39'::bytea from 20 for 1) "
                + "where global_index = ?", sealedIndex);

        // The linker stops before the changed row, so the command's event may not be linked past it: it is sealed.
        long opened = open(http, "965");
        assertThat(head()).isEqualTo(head);
        assertThat(DB.count("select count(*) from event_seal where global_index in (?, ?)", sealedIndex, opened))
                .isEqualTo(2);
        JsonNode changed = verify();
        assertThat(changed.get("ok").asBoolean()).as(changed.toString()).isFalse();
        assertThat(changed.get("globalIndex").asLong()).isEqualTo(sealedIndex);
        assertThat(changed.get("firstBadPosition").asLong()).isEqualTo(head + 1);
        assertThat(changed.get("problem").asText()).contains("尚未入链").contains("被改动");

        // Restored: verification links both, in the order they were written, and the next command links again.
        DB.update("update domain_event_entry set payload = decode(?, 'hex') where global_index = ?", original,
                sealedIndex);
        JsonNode mended = verify();
        assertThat(mended.get("ok").asBoolean()).as(mended.toString()).isTrue();
        assertThat(positionOf(sealedIndex)).isEqualTo(head + 1);
        assertThat(positionOf(opened)).isEqualTo(head + 2);
        long next = open(http, "966");
        assertThat(positionOf(next)).isEqualTo(head + 3);
        assertThat(DB.count("select count(*) from event_seal")).isZero();
    }

    @Test
    void concurrent_commands_link_every_event_once_without_gaps() throws Exception {
        int clients = 8;
        int budgetsEach = 12;
        long eventsBefore = DB.count("select count(*) from domain_event_entry");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    TestRestTemplate http = APP.finance();
                    for (int b = 0; b < budgetsEach; b++) {
                        String code = String.valueOf(600 + client * budgetsEach + b);
                        openWithLine(http, code, 10_000 + b);
                        assertThat(post(http, "/api/budgets/" + code + "-2026/adjustments", """
                                {"lineId":"L1","amount":"1.23","documentNo":"文号","reason":"追加","commandId":"c-%s"}"""
                                .formatted(code)).getStatusCode().value()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // Three events per budget (opened, line added, adjusted), every one linked by its command's commit.
        assertThat(DB.count("select count(*) from domain_event_entry") - eventsBefore)
                .isEqualTo(3L * clients * budgetsEach);
        assertThat(DB.count("select count(*) from event_seal")).isZero();
        assertThat(DB.count("select count(*) from event_chain")).isEqualTo(DB.count("select count(*) from domain_event_entry"));
        assertThat(DB.count("select count(distinct global_index) from event_chain"))
                .isEqualTo(DB.count("select count(*) from event_chain"));
        assertThat(DB.count("select min(position) from event_chain")).isEqualTo(1);
        assertThat(DB.count("select max(position) from event_chain")).isEqualTo(DB.count("select count(*) from event_chain"));
        JsonNode verified = verify();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
    }
}
