package budgetledger.app.config;

import budgetledger.events.DisclosureRecorded;
import budgetledger.events.PublishedTable;
import budgetledger.events.schema.EventSerializer;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's upcaster chain takes a published table's unit from its template: a DisclosureRecorded of revision
 * 1, stored under its class name as before stable names, reads with the seed's table in 万元 and the Shanghai
 * template's table 1 in 元.
 */
class EventUpcastersTest {

    private static final String STORED = """
            {"budgetId":"062-2026","documentNo":"2026年度部门预算公开","documentSha256":"ab",
             "tables":[
              {"number":1,"title":"预算收支总表","labelColumns":["收入项目","支出项目"],
               "amountColumns":["收入金额","支出合计"],
               "rows":[{"level":1,"labels":["一、一般公共预算","一、一般公共服务支出"],"amounts":[4294.01,null],"sourceLine":66}]},
              {"number":1,"title":"部门财务收支预算总表","labelColumns":["收入项目","支出项目"],
               "amountColumns":["收入预算数","支出预算数"],
               "rows":[{"level":1,"labels":["一、财政拨款收入",""],"amounts":[96282213.44,null],"sourceLine":84}]}],
             "findings":[],"documentFindings":[]}""";

    @Test
    void a_stored_revision_one_disclosure_reads_in_fen_in_the_unit_of_each_tables_template() {
        EventSerializer serializer = EventSerializer.create();
        InitialEventRepresentation stored = new InitialEventRepresentation(new GenericDomainEventEntry<>(
                "DepartmentBudget", "062-2026", 1, "event-1", "2026-01-15T08:00:00Z",
                "budgetledger.events.DisclosureRecorded", null, STORED.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)), serializer);

        List<IntermediateEventRepresentation> upcast = new AxonConfiguration().eventUpcasters()
                .upcast(Stream.of(stored)).toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getName()).isEqualTo("DisclosureRecorded");
            assertThat(event.getType().getRevision()).isEqualTo("2");
        });
        DisclosureRecorded event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.tables()).extracting(PublishedTable::unit).containsExactly("万元", "元");
        assertThat(event.tables()).extracting(t -> t.rows().get(0).amountsFen().get(0))
                .containsExactly(4_294_010_000L, 9_628_221_344L);
    }
}
