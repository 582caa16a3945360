package budgetledger.app;

import budgetledger.processing.BatchedReplay;
import budgetledger.security.Role;
import budgetledger.processing.ProjectionDispatch;
import budgetledger.processing.ProjectionRebuild;
import budgetledger.processing.ReadModelChecksum;
import budgetledger.processing.SteadyInvoker;
import budgetledger.projections.BudgetLineProjection;
import budgetledger.projections.BudgetProgress;
import budgetledger.projections.LedgerProcessing;
import budgetledger.disclosure.Template;
import budgetledger.disclosure.generated.LedgerGenerator;
import budgetledger.disclosure.generated.TemplateLedgerGenerator;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.TableXlsx;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each projection replayed: a budget is imported and changed, then the read models are rebuilt from the event store
 * twice (ProjectionRebuild: tokens reset, the projections' reset handlers empty their tables, every event handled
 * again). The projection's rows are the same before and after each replay, and hold the expected numbers.
 */
// Batches of 7 in the batched replay, a checkpoint every 30 events read: every replay here crosses many batches,
// spans, segments and stored tokens, and a line is appropriated and adjusted within one span.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"budget-ledger.rebuild.batch-size=7", "budget-ledger.rebuild.checkpoint=30"})
@DirtiesContext // its database is its own: release the connections when the class is done
class ProjectionReplayTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();
    static final Duration REPLAY = Duration.ofSeconds(120);

    @Autowired
    ProjectionRebuild rebuild;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ReadModelChecksum checksum;

    /** A table's rows of one budget, every column, in key order; replayed twice. */
    record Replayed(List<String> before, List<String> first, List<String> second) {
        void same() {
            assertThat(first).as("after the first replay").isEqualTo(before);
            assertThat(second).as("after the second replay").isEqualTo(before);
        }
    }

    Replayed replayTwice(String sql, String budgetId) {
        return replayTwice(List.of(sql), budgetId).get(0);
    }

    /** The rows of each query before the replays and after each; the same replays serve every query. */
    List<Replayed> replayTwice(List<String> sqls, String budgetId) {
        rebuild.rebuildAndCompare(REPLAY); // waits for the live read models first
        List<List<String>> before = sqls.stream().map(sql -> rows(sql, budgetId)).toList();
        rebuild.rebuild(REPLAY);
        List<List<String>> first = sqls.stream().map(sql -> rows(sql, budgetId)).toList();
        rebuild.rebuild(REPLAY);
        List<Replayed> replayed = new ArrayList<>();
        for (int i = 0; i < sqls.size(); i++) {
            replayed.add(new Replayed(before.get(i), first.get(i), rows(sqls.get(i), budgetId)));
        }
        return replayed;
    }

    /** The seed imported under a department code of its own, its L1 adjusted and 100.00 元 moved from L1 to L2. */
    String seedWithChanges(String departmentCode) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> imported = APP.finance().postForEntity("/api/disclosures?departmentCode=" + departmentCode,
                new HttpEntity<>(SampleText.seed().getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
        assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(201);
        String budgetId = departmentCode + "-2026";
        String budget = "/api/budgets/" + budgetId;
        ok(budget + "/adjustments", """
                {"lineId":"L1","amount":"1234.56","documentNo":"晋财预〔2026〕15号","reason":"追加","commandId":"adj-1"}""");
        ok(budget + "/transfers", """
                {"fromLineId":"L1","toLineId":"L2","amount":"100.00","documentNo":"晋财预〔2026〕16号",
                 "reason":"调剂","commandId":"tr-1"}""");
        return budgetId;
    }

    void ok(String path, String body) {
        ResponseEntity<JsonNode> answer = LedgerApp.postJson(APP.finance(), path, body);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s", path, answer.getBody()).isTrue();
    }

    /**
     * Every class on the classpath that Axon assigns to the ledger-core group (its {@code @ProcessingGroup} and event
     * handlers) is one of the projections the processor's ProjectionDispatch calls, and nothing else is: the dispatch
     * is built from the application's beans, and a projection it missed would silently stop being written. BudgetProgress
     * comes last.
     */
    @Test
    void the_ledger_core_processor_dispatches_to_exactly_the_projections_of_its_group() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        Set<Class<?>> inGroup = new HashSet<>();
        for (BeanDefinition found : scan.findCandidateComponents("budgetledger")) {
            Class<?> type = Class.forName(found.getBeanClassName());
            boolean handles = Arrays.stream(type.getDeclaredMethods())
                    .anyMatch(method -> method.isAnnotationPresent(EventHandler.class));
            if (handles && LedgerProcessing.CORE.equals(type.getAnnotation(ProcessingGroup.class).value())) {
                inGroup.add(type);
            }
        }

        EventProcessor processor = processing.eventProcessor(LedgerProcessing.CORE).orElseThrow();
        // The processor's invoker is the SteadyInvoker over Axon's invokers of the group (DeadLetterConfiguration).
        List<EventHandlerInvoker> invokers =
                ((SteadyInvoker) ((AbstractEventProcessor) processor).eventHandlerInvoker()).invokers();
        assertThat(invokers).hasSize(1);
        List<EventMessageHandler> handlers = ((SimpleEventHandlerInvoker) invokers.get(0)).eventHandlers();
        assertThat(handlers).hasSize(1).first().isInstanceOf(ProjectionDispatch.class);
        List<Class<?>> dispatched = ((ProjectionDispatch) handlers.get(0)).projections().stream()
                .<Class<?>>map(EventMessageHandler::getTargetType).toList();

        assertThat(inGroup).contains(BudgetLineProjection.class, BudgetProgress.class);
        // BatchedReplay hands the events over with their own tokens, not wrapped in the processor's replay token: no
        // projection of the group may tell a replay from live processing.
        for (Class<?> projection : inGroup) {
            assertThat(decidesOnReplays(projection)).as("%s decides on replays", projection.getSimpleName()).isFalse();
            for (var method : projection.getDeclaredMethods()) {
                assertThat(decidesOnReplays(method)
                        || Arrays.asList(method.getParameterTypes()).contains(ReplayStatus.class))
                        .as("%s.%s asks about replays", projection.getSimpleName(), method.getName()).isFalse();
            }
        }
        assertThat(dispatched).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inGroup);
        // It counts an event as shown only after every other projection applied it (see DeadLetterTest).
        assertThat(dispatched.get(dispatched.size() - 1)).isEqualTo(BudgetProgress.class);
    }

    @Test
    void budget_projection_replays_to_the_same_budget_units_figures_and_reasons() {
        String budgetId = seedWithChanges("801");
        ok("/api/budgets/" + budgetId + "/prior-year-figures", """
                {"subject":"TRAVEL_ABROAD","amount":"12345.67","documentNo":"晋财预〔2026〕17号","reason":"上年预算",
                 "commandId":"py-1"}""");
        ok("/api/budgets/" + budgetId + "/change-reasons", """
                {"subject":"TRAVEL_ABROAD","reason":"出访计划减少","documentNo":"晋财预〔2026〕17号","commandId":"cr-1"}""");

        List<Replayed> replayed = replayTwice(List.of(
                "select * from budget where budget_id = ?",
                "select * from budget_unit where budget_id = ? order by position",
                "select subject, amount_fen from prior_year_figure where budget_id = ? and subject = 'TRAVEL_ABROAD'",
                "select subject, reason from change_reason where budget_id = ? and subject = 'TRAVEL_ABROAD'"), budgetId);
        replayed.forEach(Replayed::same);
        assertThat(replayed.get(0).before()).singleElement().asString().contains("801", "2026");
        assertThat(replayed.get(1).before()).isNotEmpty();
        assertThat(replayed.get(2).before()).containsExactly("TRAVEL_ABROAD|1234567");
        Replayed reasons = replayed.get(3);
        assertThat(reasons.before()).containsExactly("TRAVEL_ABROAD|出访计划减少");
    }

    @Test
    void budget_line_projection_replays_to_the_same_lines_and_amounts() {
        String budgetId = seedWithChanges("802");
        Replayed lines = replayTwice("select * from budget_line where budget_id = ? order by line_id", budgetId);
        lines.same();
        long l1Appropriated = DB.count("select appropriated_fen from budget_line where budget_id = ? and line_id = 'L1'",
                budgetId);
        long l2Appropriated = DB.count("select appropriated_fen from budget_line where budget_id = ? and line_id = 'L2'",
                budgetId);
        assertThat(DB.count("select amount_fen from budget_line where budget_id = ? and line_id = 'L1'", budgetId))
                .isEqualTo(l1Appropriated + 123_456 - 10_000);
        assertThat(DB.count("select amount_fen from budget_line where budget_id = ? and line_id = 'L2'", budgetId))
                .isEqualTo(l2Appropriated + 10_000);
        assertThat(DB.count("select sum(amount_fen) - sum(appropriated_fen) from budget_line where budget_id = ?",
                budgetId)).isEqualTo(123_456);
    }

    @Test
    void published_table_projection_replays_to_the_same_thirteen_tables() {
        String budgetId = seedWithChanges("803");
        Replayed tables = replayTwice("select table_number, document_no, document_sha256, content::text"
                + " from published_table where budget_id = ? order by table_number", budgetId);
        tables.same();
        assertThat(tables.before()).hasSize(13);
    }

    @Test
    void current_year_figure_projection_replays_to_the_same_figures() {
        String budgetId = seedWithChanges("804");
        ok("/api/budgets/" + budgetId + "/current-year-figures", """
                {"subject":"GOVERNMENT_PROCUREMENT","amount":"99999999.99","documentNo":"晋财预〔2026〕18号",
                 "reason":"政府采购预算","commandId":"cy-1"}""");
        Replayed figures = replayTwice("select subject, amount_fen from current_year_figure where budget_id = ?"
                + " order by subject", budgetId);
        figures.same();
        assertThat(figures.before()).contains("GOVERNMENT_PROCUREMENT|9999999999");
    }

    @Test
    void procurement_projection_replays_to_the_same_items() {
        Template template = Template.byId("jiangsu-city-13").orElseThrow();
        LedgerGenerator.Generated generated = null;
        for (long seed = 11; generated == null || generated.header().procurement().isEmpty(); seed++) {
            generated = TemplateLedgerGenerator.generate(template, seed);
        }
        byte[] workbook = TableXlsx.write(template, DisclosureTables.renderAll(generated.header(), generated.lines()),
                2026, generated.header().departmentName());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        String code = generated.header().departmentCode();
        ResponseEntity<JsonNode> imported = APP.finance().postForEntity("/api/disclosures?departmentCode=" + code,
                new HttpEntity<>(workbook, headers), JsonNode.class);
        assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(201);
        String budgetId = code + "-2026";

        Replayed items = replayTwice("select position, unit_name, category, project, economic_item, catalogue_item,"
                + " method, amounts::text from procurement_item where budget_id = ? order by position", budgetId);
        items.same();
        assertThat(items.before()).hasSize(generated.header().procurement().size());
    }

    /**
     * The batched replay (BatchedReplay, a rebuild's default) and the processor's own replay give the same read models,
     * equal to the live ones, over generated histories: the seed imported, then adjustments and transfers between
     * random lines of random amounts. The batched replay applies every event of the journal up to the head it stored.
     */
    @Test
    void the_batched_replay_and_the_processor_s_replay_give_the_live_read_models_over_generated_histories() {
        for (int seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            String budgetId = seedWithChanges("81" + seed);
            String budget = "/api/budgets/" + budgetId;
            long[] added = new long[11]; // fen this history added to L1..L10, so a transfer never empties a line
            long total = 0;
            for (int i = 0; i < 20; i++) {
                int line = 1 + random.nextInt(10);
                if (added[line] > 0 && random.nextInt(3) == 0) {
                    int to = 1 + random.nextInt(10);
                    long fen = 1 + (long) (random.nextDouble() * added[line]);
                    if (to != line) {
                        ok(budget + "/transfers", """
                                {"fromLineId":"L%d","toLineId":"L%d","amount":"%s","documentNo":"文号","reason":"调剂",
                                 "commandId":"g%d-%d"}""".formatted(line, to, yuan(fen), seed, i));
                        added[line] -= fen;
                        added[to] += fen;
                    }
                } else {
                    long fen = 1 + random.nextInt(10_000_000);
                    ok(budget + "/adjustments", """
                            {"lineId":"L%d","amount":"%s","documentNo":"文号","reason":"追加","commandId":"g%d-%d"}"""
                            .formatted(line, yuan(fen), seed, i));
                    added[line] += fen;
                    total += fen;
                }
            }
            ProjectionRebuild.Result live = rebuild.rebuildAndCompare(REPLAY); // batched: before is live, after batched
            assertThat(live.identical()).as("seed %d: batched replay against the live read models", seed).isTrue();

            BatchedReplay.Outcome processorAlone = rebuild.rebuild(REPLAY, false);
            assertThat(processorAlone.applied()).isZero();
            assertThat(checksum.checksum()).as("seed %d: the processor's replay", seed).isEqualTo(live.before());

            BatchedReplay.Outcome batched = rebuild.rebuild(REPLAY, true);
            assertThat(batched.complete()).isTrue();
            assertThat(batched.applied()).isEqualTo(
                    DB.count("select count(*) from domain_event_entry where global_index <= ?", batched.position()));
            assertThat(batched.position()).isEqualTo(DB.count("select max(global_index) from domain_event_entry"));
            assertThat(checksum.checksum()).as("seed %d: the batched replay", seed).isEqualTo(live.before());
            // seedWithChanges added 1,234.56 元 to L1 and moved 100.00 元 within the budget.
            assertThat(DB.count("select sum(amount_fen) - sum(appropriated_fen) from budget_line where budget_id = ?",
                    budgetId)).isEqualTo(123_456 + total);
            for (int line = 1; line <= 10; line++) {
                assertThat(DB.count("select amount_fen - appropriated_fen from budget_line where budget_id = ?"
                        + " and line_id = ?", budgetId, "L" + line)).as("seed %d L%d", seed, line)
                        .isEqualTo(added[line] + (line == 1 ? 123_456 - 10_000 : line == 2 ? 10_000 : 0));
            }
        }
    }

    /**
     * A batched replay that meets, part-way, an event a projection cannot apply: the batches before it stay applied,
     * the processor goes on from the last batch stored and parks that event and the budget's later one, and once the
     * fault is mended and the parked events retried, the read models are the live ones again.
     */
    @Test
    void a_batched_replay_that_fails_part_way_is_finished_by_the_processor_and_parks_the_event() {
        String budgetId = seedWithChanges("821");
        String budget = "/api/budgets/" + budgetId;
        ok(budget + "/change-reasons", """
                {"subject":"TRAVEL_ABROAD","reason":"鸠","documentNo":"文号","commandId":"cr-poison"}""");
        ok(budget + "/adjustments", """
                {"lineId":"L3","amount":"1.00","documentNo":"文号","reason":"追加","commandId":"after-poison"}""");
        String live = rebuild.rebuildAndCompare(REPLAY).before();
        long l3Appropriated = DB.count(
                "select appropriated_fen from budget_line where budget_id = ? and line_id = 'L3'", budgetId);
        // NOT VALID: the row is there; the check holds for the rows the rebuild writes again.
        DB.update("alter table change_reason add constraint poison_part_way check (reason <> '鸠') not valid");
        try {
            BatchedReplay.Outcome outcome = rebuild.rebuild(REPLAY);
            assertThat(outcome.complete()).isFalse();
            assertThat(outcome.applied()).as("batches applied before the failure")
                    .isPositive().isLessThan(DB.count("select count(*) from domain_event_entry"));
            assertThat(DB.count("select count(*) from dead_letter_entry where sequenceidentifier = ?", budgetId))
                    .isEqualTo(2);
            assertThat(DB.count("select amount_fen from budget_line where budget_id = ? and line_id = 'L3'", budgetId))
                    .as("the adjustment after the parked event waits behind it").isEqualTo(l3Appropriated);
        } finally {
            DB.update("alter table change_reason drop constraint poison_part_way");
        }
        JsonNode retried = APP.as(Role.AUDITOR).postForObject("/api/audit/dead-letters/retry", null, JsonNode.class);
        assertThat(retried.get("stillParked").asLong()).isZero();
        assertThat(DB.count("select amount_fen from budget_line where budget_id = ? and line_id = 'L3'", budgetId))
                .isEqualTo(l3Appropriated + 100);
        assertThat(checksum.checksum()).isEqualTo(live);
    }

    private static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static boolean decidesOnReplays(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(AllowReplay.class) || element.isAnnotationPresent(DisallowReplay.class);
    }

    /** Every row of a query with one budget id parameter, its columns joined by |. */
    static List<String> rows(String sql, String budgetId) {
        try (Connection connection = DriverManager.getConnection(DB.url, DB.user, "");
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, budgetId);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        cells.add(rs.getString(i));
                    }
                    rows.add(String.join("|", cells));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
