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
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail on real PostgreSQL: the seed, then a scripted series of changes at known moments; tables as of
 * each moment, the diff between them, history with who and why, reversal, rebuild by checksum, and verification
 * that finds every kind of edit made behind the application's back at the right position. Each test runs the script
 * on a budget of its own department ({@link #script}); an edit behind the application's back is undone by its test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class AuditTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();

    /**
     * A scripted series of changes after the seed, on a budget of its own: positions (global index of the last
     * event) and instants after each step, and the two lines it moves money between.
     */
    record Script(String budget, long imported, long transferred, long increased, long reversed, Instant afterImport,
                  Instant afterTransfer, Instant afterIncrease, String from, String to) {
    }

    TestRestTemplate finance;
    TestRestTemplate auditor;

    @BeforeEach
    void signIn() {
        finance = APP.finance();
        auditor = APP.auditor();
    }

    ResponseEntity<JsonNode> post(String path, String body) {
        return LedgerApp.postJson(finance, path, body);
    }

    static long head() {
        return DB.count("select max(global_index) from domain_event_entry");
    }

    static List<String> cells(JsonNode table) {
        return DisclosureApiTest.cells(table);
    }

    JsonNode verify() {
        return auditor.getForObject("/api/audit/verify", JsonNode.class);
    }

    /**
     * The event's position in the chain, once the background linker has linked it. Asked before a test tampers with
     * the row: the linker refuses to link a row changed after it was written, so asked after, it could wait forever.
     */
    long positionOf(long globalIndex) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                DB.count("select count(*) from event_chain where global_index = ?", globalIndex) == 1);
        return DB.count("select position from event_chain where global_index = ?", globalIndex);
    }

    /** Imports the seed under a department code of its own, then 调剂, 追加, and 冲销 of the 调剂. */
    Script script(String departmentCode) {
        String budget = "/api/budgets/" + departmentCode + "-2026";
        HttpHeaders text = new HttpHeaders();
        text.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> importedBudget = finance.postForEntity("/api/disclosures?departmentCode=" + departmentCode,
                new HttpEntity<>(SampleText.seed().getBytes(StandardCharsets.UTF_8), text), JsonNode.class);
        assertThat(importedBudget.getStatusCode().value()).isEqualTo(201);
        int lineCount = importedBudget.getBody().get("lines").asInt();
        long imported = head();
        Instant afterImport = Instant.now();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                finance.getForObject(budget + "/lines", JsonNode.class).size() == lineCount);
        JsonNode lines = finance.getForObject(budget + "/lines", JsonNode.class);
        String from = DisclosureApiTest.lineOn(lines, "2010306");
        String to = DisclosureApiTest.lineOn(lines, "2010350");

        assertThat(post(budget + "/transfers", """
                {"fromLineId":"%s","toLineId":"%s","amount":"100000.00","documentNo":"晋财预〔2026〕40号",
                 "reason":"调剂用于窗口运行","commandId":"audit-1"}""".formatted(from, to)).getStatusCode().value()).isEqualTo(200);
        long transferred = head();
        Instant afterTransfer = Instant.now();
        assertThat(post(budget + "/adjustments", """
                {"lineId":"%s","amount":"50000.00","documentNo":"晋财预〔2026〕41号","reason":"追加",
                 "commandId":"audit-2"}""".formatted(to)).getStatusCode().value()).isEqualTo(200);
        long increased = head();
        Instant afterIncrease = Instant.now();
        long transferSequence = DB.count("select sequence_number from domain_event_entry where global_index = ?", transferred);
        assertThat(post(budget + "/reversals", """
                {"sequence":%d,"documentNo":"晋财预〔2026〕42号","reason":"调剂有误","commandId":"audit-3"}"""
                .formatted(transferSequence)).getStatusCode().value()).isEqualTo(200);
        long reversed = head();
        assertThat(List.of(imported, transferred, increased, reversed)).isSorted().doesNotHaveDuplicates();
        return new Script(budget, imported, transferred, increased, reversed, afterImport, afterTransfer, afterIncrease,
                from, to);
    }

    @Test
    void a_scripted_series_of_changes_after_the_seed() {
        script("062");
    }

    JsonNode tableAt(Script script, String moment) {
        return finance.getForObject(script.budget() + "/tables/3?" + moment, JsonNode.class);
    }

    static String row(JsonNode table, String label) {
        return DisclosureApiTest.row(table, label);
    }

    @Test
    void tables_as_of_each_moment_show_the_budget_as_it_stood_then() {
        Script s = script("741");
        assertThat(row(tableAt(s, "atPosition=" + s.imported()), "2010306")).isEqualTo("2010306|政务公开审批|2349.64|1123.02|1226.62");
        assertThat(row(tableAt(s, "atPosition=" + s.imported()), "2010350")).isEqualTo("2010350|事业运行|797.37|797.37|");
        assertThat(row(tableAt(s, "atPosition=" + s.transferred()), "2010306")).isEqualTo("2010306|政务公开审批|2339.64|1113.02|1226.62");
        assertThat(row(tableAt(s, "atPosition=" + s.transferred()), "2010350")).isEqualTo("2010350|事业运行|807.37|807.37|");
        assertThat(row(tableAt(s, "atPosition=" + s.transferred()), "合计")).isEqualTo("合计||4294.01|2723.73|1570.28");
        assertThat(row(tableAt(s, "atPosition=" + s.increased()), "合计")).isEqualTo("合计||4299.01|2728.73|1570.28");
        assertThat(row(tableAt(s, "atPosition=" + s.reversed()), "2010306")).isEqualTo("2010306|政务公开审批|2349.64|1123.02|1226.62");
        assertThat(row(tableAt(s, "atPosition=" + s.reversed()), "2010350")).isEqualTo("2010350|事业运行|802.37|802.37|");
        // The same moments named by time.
        assertThat(row(tableAt(s, "asOf=" + s.afterImport()), "2010350")).isEqualTo("2010350|事业运行|797.37|797.37|");
        assertThat(row(tableAt(s, "asOf=" + s.afterTransfer()), "2010350")).isEqualTo("2010350|事业运行|807.37|807.37|");
        assertThat(row(tableAt(s, "asOf=" + s.afterIncrease()), "2010350")).isEqualTo("2010350|事业运行|812.37|812.37|");
        // Today's table is the last moment's.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                row(finance.getForObject(s.budget() + "/tables/3", JsonNode.class), "2010350").equals("2010350|事业运行|802.37|802.37|"));
        assertThat(cells(finance.getForObject(s.budget() + "/tables/3", JsonNode.class)))
                .isEqualTo(cells(tableAt(s, "atPosition=" + s.reversed())));
    }

    @Test
    void the_diff_lists_exactly_the_changed_lines_with_the_events_between() {
        Script s = script("742");
        JsonNode diff = finance.getForObject(s.budget() + "/diff?from=" + s.imported() + "&to=" + s.reversed(), JsonNode.class);
        List<String> rows = new ArrayList<>();
        diff.forEach(d -> rows.add(d.get("lineId").asText() + " " + d.get("from").asText() + " → " + d.get("to").asText()
                + " " + d.get("delta").asText() + " " + d.get("sequences").size()));
        JsonNode fromLine = finance.getForObject(s.budget() + "/lines/" + s.from(), JsonNode.class);
        JsonNode toLine = finance.getForObject(s.budget() + "/lines/" + s.to(), JsonNode.class);
        String fromAmount = fromLine.get("amount").asText();
        String toBefore = new java.math.BigDecimal(toLine.get("amount").asText()).subtract(new java.math.BigDecimal("50000.00"))
                .setScale(2).toPlainString();
        assertThat(rows).containsExactlyInAnyOrder(
                s.from() + " " + fromAmount + " → " + fromAmount + " 0.00 2",
                s.to() + " " + toBefore + " → " + toLine.get("amount").asText() + " 50000.00 3");

        JsonNode transferOnly = finance.getForObject(s.budget() + "/diff?from=" + s.afterImport() + "&to=" + s.afterTransfer(), JsonNode.class);
        assertThat(transferOnly).hasSize(2);
        assertThat(transferOnly.findValuesAsText("delta")).containsExactlyInAnyOrder("-100000.00", "100000.00");
    }

    @Test
    void history_shows_each_change_with_before_after_who_and_why_and_links_the_reversal() {
        Script s = script("743");
        JsonNode page = auditor.getForObject(s.budget() + "/lines/" + s.to() + "/history", JsonNode.class);
        List<String> entries = new ArrayList<>();
        page.get("entries").forEach(e -> entries.add(e.get("type").asText() + " " + e.get("actor").asText("") + " "
                + e.get("documentNo").asText("") + " " + e.get("source").asText("")));
        assertThat(entries).containsExactly(
                "BudgetLineAppropriated finance 2026年度部门预算公开 import",
                "BudgetAmountTransferred finance 晋财预〔2026〕40号 api",
                "BudgetLineAdjusted finance 晋财预〔2026〕41号 api",
                "BudgetEventReversed finance 晋财预〔2026〕42号 api");
        JsonNode transfer = page.get("entries").get(1);
        JsonNode reversal = page.get("entries").get(3);
        assertThat(transfer.get("reason").asText()).isEqualTo("调剂用于窗口运行");
        assertThat(transfer.get("commandId").asText()).isEqualTo("audit-1");
        assertThat(transfer.get("reversedBy").asLong()).isEqualTo(reversal.get("sequence").asLong());
        assertThat(reversal.get("reverses").asLong()).isEqualTo(transfer.get("sequence").asLong());
        JsonNode change = transfer.get("changes").findParents("lineId").stream()
                .filter(c -> c.get("lineId").asText().equals(s.to())).findFirst().orElseThrow();
        assertThat(new java.math.BigDecimal(change.get("after").asText())
                .subtract(new java.math.BigDecimal(change.get("before").asText()))).isEqualByComparingTo("100000.00");
        assertThat(page.get("entries").get(0).get("provenance").asText()).startsWith("重建：");

        JsonNode filtered = auditor.getForObject(s.budget() + "/history?type=BudgetLineAdjusted&actor=finance", JsonNode.class);
        assertThat(filtered.get("total").asInt()).isEqualTo(1);
        long transferSequence = transfer.get("sequence").asLong();
        ResponseEntity<JsonNode> again = post(s.budget() + "/reversals", """
                {"sequence":%d,"documentNo":"晋财预〔2026〕43号","reason":"再冲一次","commandId":"audit-4"}""".formatted(transferSequence));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("rule").asText()).isEqualTo("already-reversed");
    }

    @Test
    void a_rebuild_after_the_series_gives_identical_read_models_by_checksum() {
        Script s = script("744");
        JsonNode result = auditor.postForObject("/api/audit/rebuild", null, JsonNode.class);
        assertThat(result.get("before").asText()).hasSize(64).isEqualTo(result.get("after").asText());
        assertThat(result.get("identical").asBoolean()).isTrue();
    }

    @Test
    void a_clean_store_verifies_and_a_checkpoint_can_be_checked_later() {
        Script s = script("745");
        JsonNode ok = verify();
        assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("events").asLong()).isEqualTo(DB.count("select count(*) from domain_event_entry"));
        assertThat(ok.get("headHash").asText()).matches("[0-9a-f]{64}");
        JsonNode checkpoint = auditor.postForObject("/api/audit/checkpoint", null, JsonNode.class);
        JsonNode checked = auditor.getForObject("/api/audit/verify?position=" + checkpoint.get("position").asLong()
                + "&hash=" + checkpoint.get("hash").asText(), JsonNode.class);
        assertThat(checked.get("checkpointMatches").asBoolean()).isTrue();
        JsonNode wrong = auditor.getForObject("/api/audit/verify?position=" + checkpoint.get("position").asLong()
                + "&hash=" + "0".repeat(64), JsonNode.class);
        assertThat(wrong.get("checkpointMatches").asBoolean()).isFalse();
        assertThat(wrong.get("ok").asBoolean()).isFalse();
    }

    @Test
    void an_edited_payload_byte_is_found_at_its_position() {
        Script s = script("746");
        long target = s.increased();
        long position = positionOf(target);
        String original = DB.text("select encode(payload, 'hex') from domain_event_entry where global_index = ?", target);
        DB.update("update domain_event_entry set payload = overlay(payload placing '\\x39'::bytea from 20 for 1) "
                + "where global_index = ?", target);
        try {
            assertBadAt(position, target);
        } finally {
            DB.update("update domain_event_entry set payload = decode(?, 'hex') where global_index = ?", original, target);
        }
        assertThat(verify().get("ok").asBoolean()).isTrue();
    }

    @Test
    void edited_metadata_is_found_at_its_position() {
        Script s = script("747");
        long target = s.transferred();
        long position = positionOf(target);
        String original = DB.text("select encode(meta_data, 'hex') from domain_event_entry where global_index = ?", target);
        DB.update("update domain_event_entry set meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                + "'finance', 'someone'), 'UTF8') where global_index = ?", target);
        try {
            assertBadAt(position, target);
        } finally {
            DB.update("update domain_event_entry set meta_data = decode(?, 'hex') where global_index = ?", original,
                    target);
        }
        assertThat(verify().get("ok").asBoolean()).isTrue();
    }

    @Test
    void a_deleted_row_is_found_at_its_position() {
        Script s = script("748");
        long target = s.increased();
        long position = positionOf(target);
        DB.update("create table kept_row as select * from domain_event_entry where global_index = ?", target);
        DB.update("delete from domain_event_entry where global_index = ?", target);
        try {
            assertBadAt(position, target);
        } finally {
            DB.update("insert into domain_event_entry select * from kept_row");
            DB.update("drop table kept_row");
        }
        assertThat(verify().get("ok").asBoolean()).isTrue();
    }

    @Test
    void two_rows_with_swapped_sequence_numbers_are_found_at_the_first_of_them() {
        Script s = script("749");
        long first = s.transferred();
        long second = s.increased();
        long a = DB.count("select sequence_number from domain_event_entry where global_index = ?", first);
        long b = DB.count("select sequence_number from domain_event_entry where global_index = ?", second);
        long position = positionOf(first);
        positionOf(second);
        DB.update("update domain_event_entry set sequence_number = -1 where global_index = ?", first);
        DB.update("update domain_event_entry set sequence_number = ? where global_index = ?", a, second);
        DB.update("update domain_event_entry set sequence_number = ? where global_index = ?", b, first);
        try {
            assertBadAt(position, first);
        } finally {
            DB.update("update domain_event_entry set sequence_number = -1 where global_index = ?", first);
            DB.update("update domain_event_entry set sequence_number = ? where global_index = ?", b, second);
            DB.update("update domain_event_entry set sequence_number = ? where global_index = ?", a, first);
        }
        assertThat(verify().get("ok").asBoolean()).isTrue();
    }

    @Test
    void a_forged_row_is_found_where_it_was_inserted() {
        Script s = script("750");
        // Verification links every sealed event first, so its position is the whole chain (the background linker
        // may not have linked the script's last events yet).
        long chainLength = verify().get("position").asLong();
        DB.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data)
                select 'forged-1', aggregate_identifier, 999, type, time_stamp, payload_type, payload_revision, payload,
                    meta_data from domain_event_entry where global_index = ?""", s.increased());
        long forged = head();
        // The read models apply the forged 追加 before it is found and deleted; Axon's event store then still holds it
        // in memory, and the rebuild below must not apply it again (ReplayReadsTheJournal).
        await().atMost(Duration.ofSeconds(20)).until(() ->
                DB.count("select last_sequence from budget_line where budget_id = ? and line_id = ?",
                        s.budget().substring(s.budget().lastIndexOf('/') + 1), s.to()) == 999);
        JsonNode bad = verify();
        assertThat(bad.get("ok").asBoolean()).isFalse();
        assertThat(bad.get("firstBadPosition").asLong()).isEqualTo(chainLength + 1);
        assertThat(bad.get("globalIndex").asLong()).isEqualTo(forged);
        assertThat(bad.get("problem").asText()).contains("不在哈希链中");
        DB.update("delete from domain_event_entry where event_identifier = 'forged-1'");
        // A rebuild from the journal as it is now mends the read models.
        JsonNode rebuilt = auditor.postForObject("/api/audit/rebuild", null, JsonNode.class);
        assertThat(rebuilt.has("after")).as(rebuilt.toString()).isTrue();
        JsonNode mended = verify();
        assertThat(mended.get("ok").asBoolean()).as(mended.toString()).isTrue();
    }

    void assertBadAt(long position, long globalIndex) {
        JsonNode bad = verify();
        assertThat(bad.get("ok").asBoolean()).as(bad.toString()).isFalse();
        assertThat(bad.get("firstBadPosition").asLong()).as(bad.toString()).isEqualTo(position);
        assertThat(bad.get("globalIndex").asLong()).as(bad.toString()).isEqualTo(globalIndex);
    }
}
