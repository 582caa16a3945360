package budgetledger.app;

import budgetledger.processing.ProjectionDispatch;
import budgetledger.processing.ProjectionRebuild;
import budgetledger.processing.SteadyInvoker;
import budgetledger.projections.BudgetLineProjection;
import budgetledger.projections.BudgetProgress;
import budgetledger.projections.LedgerProcessing;
import budgetledger.projections.ReplayProgress;
import budgetledger.disclosure.Template;
import budgetledger.disclosure.generated.LedgerGenerator;
import budgetledger.disclosure.generated.TemplateLedgerGenerator;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.TableXlsx;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each projection replayed: a budget is imported and changed, then the read models are rebuilt from the event store
 * twice (ProjectionRebuild: tokens reset, the projections' reset handlers empty their tables, every event handled
 * again). The projection's rows are the same before and after each replay, and hold the expected numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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

        assertThat(inGroup).contains(BudgetLineProjection.class, BudgetProgress.class, ReplayProgress.class);
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
