package budgetledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain's two steps with the background linker off: an append writes seals (not links) in its transaction;
 * verification links what is sealed, stops before a row changed or deleted after it was written and names it, and
 * still tells a row without a seal from one the application wrote.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "budget-ledger.audit.background-linker=false")
@DirtiesContext
class ChainLinkingTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();

    TestRestTemplate finance;
    TestRestTemplate auditor;

    @BeforeEach
    void signIn() {
        finance = APP.finance();
        auditor = APP.auditor();
    }

    /** Opens a budget (one event) and returns the event's global index. */
    long open(String code) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(finance.postForEntity("/api/budgets", new HttpEntity<>("""
                {"departmentCode":"%s","departmentName":"链测试部门%s","fiscalYear":2026,
                 "units":[{"code":"%s001","name":"链测试单位","type":"ADMINISTRATIVE"}]}""".formatted(code, code, code),
                headers), JsonNode.class).getStatusCode().value()).isEqualTo(201);
        return DB.count("select global_index from domain_event_entry where aggregate_identifier = ?", code + "-2026");
    }

    JsonNode verify() {
        return auditor.getForObject("/api/audit/verify", JsonNode.class);
    }

    @Test
    void seals_are_linked_by_verification_and_a_row_changed_or_deleted_before_its_link_is_named() {
        long first = open("901");
        long second = open("902");
        assertThat(DB.count("select count(*) from event_seal")).isEqualTo(2);
        assertThat(DB.count("select count(*) from event_chain")).isZero();

        // Changed after it was written, before it was linked: the first is linked, the second is held back and named.
        String original = DB.text("select encode(payload, 'hex') from domain_event_entry where global_index = ?", second);
        DB.update("update domain_event_entry set payload = overlay(payload placing '\\x39'::bytea from 20 for 1) "
                + "where global_index = ?", second);
        JsonNode changed = verify();
        assertThat(changed.get("ok").asBoolean()).as(changed.toString()).isFalse();
        assertThat(changed.get("globalIndex").asLong()).isEqualTo(second);
        assertThat(changed.get("firstBadPosition").asLong()).isEqualTo(2);
        assertThat(changed.get("problem").asText()).contains("尚未入链").contains("被改动");
        assertThat(DB.count("select global_index from event_chain where position = 1")).isEqualTo(first);
        assertThat(DB.count("select count(*) from event_seal")).isEqualTo(1);

        DB.update("update domain_event_entry set payload = decode(?, 'hex') where global_index = ?", original, second);
        JsonNode mended = verify();
        assertThat(mended.get("ok").asBoolean()).as(mended.toString()).isTrue();
        assertThat(mended.get("position").asLong()).isEqualTo(2);
        assertThat(DB.count("select count(*) from event_seal")).isZero();

        // Deleted before it was linked.
        long third = open("903");
        DB.update("create table kept_row as select * from domain_event_entry where global_index = ?", third);
        DB.update("delete from domain_event_entry where global_index = ?", third);
        JsonNode deleted = verify();
        assertThat(deleted.get("ok").asBoolean()).isFalse();
        assertThat(deleted.get("globalIndex").asLong()).isEqualTo(third);
        assertThat(deleted.get("problem").asText()).contains("已被删除");
        DB.update("insert into domain_event_entry select * from kept_row");
        DB.update("drop table kept_row");
        assertThat(verify().get("ok").asBoolean()).isTrue();

        // A row with neither link nor seal was not written by the application.
        DB.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data)
                select 'forged-1', aggregate_identifier, 1, type, time_stamp, payload_type, payload_revision, payload,
                    meta_data from domain_event_entry where global_index = ?""", third);
        JsonNode forged = verify();
        assertThat(forged.get("ok").asBoolean()).isFalse();
        assertThat(forged.get("firstBadPosition").asLong()).isEqualTo(4);
        assertThat(forged.get("problem").asText()).contains("不在哈希链中");
        DB.update("delete from domain_event_entry where event_identifier = 'forged-1'");
        assertThat(verify().get("ok").asBoolean()).isTrue();
    }
}
