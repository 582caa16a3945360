package budgetledger.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are stored forever: every event type has a stable name, a revision, and one golden JSON per revision in
 * {@code src/test/resources/events/<name>/<revision>.json}, as that revision was stored. A change of an event's shape
 * without a new revision fails here; so does a new revision without its golden file, and an old golden file the
 * upcasters no longer bring to the current revision.
 * <p>
 * To change an event's shape: raise its {@code @Revision}, add an upcaster from the old revision to
 * {@link EventUpcasters}, and add the golden JSON of the new revision (the JSON this test prints when it is missing).
 */
class EventSchemaTest {

    static final EventSerializer SERIALIZER = EventSerializer.create();
    static final ObjectMapper JSON = EventSerializer.objectMapper();
    /** The units of the tables in the golden files, as their templates print them. */
    static final TableUnits UNITS = (number, title) -> Map.of(
            "部门财务收支预算总表", "元", "部门“三公”经费和机关运行经费预算表", "万元").get(title);
    static final EventUpcasterChain UPCASTERS = EventUpcasters.chain(UNITS);

    @Test
    void every_record_of_the_events_package_is_an_event_or_a_part_of_one() throws Exception {
        List<String> unknown = new ArrayList<>();
        for (Class<?> record : recordsOfTheEventsPackage()) {
            if (EventTypes.nameOf(record).isEmpty() && !EventTypes.PARTS.contains(record)) {
                unknown.add(record.getSimpleName());
            }
        }
        assertThat(unknown).as("records of budgetledger.events neither registered in EventTypes (a stable name) "
                + "nor listed there as parts of events").isEmpty();
    }

    @Test
    void every_event_carries_a_revision_and_is_stored_under_its_stable_name() {
        EventTypes.all().forEach((name, type) -> {
            Revision revision = type.getAnnotation(Revision.class);
            assertThat(revision).as(name + " has no @Revision").isNotNull();
            assertThat(SERIALIZER.typeForClass(type)).isEqualTo(new SimpleSerializedType(name, revision.value()));
            assertThat(SERIALIZER.classForType(new SimpleSerializedType(name, revision.value()))).isEqualTo(type);
        });
    }

    @Test
    void every_event_has_the_shape_of_the_golden_file_of_its_revision() throws IOException {
        for (Map.Entry<String, Class<?>> event : EventTypes.all().entrySet()) {
            String name = event.getKey();
            String revision = revision(event.getValue());
            byte[] generated = SERIALIZER.serialize(GeneratedEvents.instance(event.getValue()), byte[].class).getData();
            byte[] golden = golden(name, revision);
            assertThat(golden).as("no golden file events/%s/%s.json; an instance of this revision is stored as:%n%s",
                    name, revision, new String(generated, StandardCharsets.UTF_8)).isNotNull();
            assertThat(Shape.of(JSON.readTree(generated), event.getValue()))
                    .as("%s changed its shape since golden file events/%s/%s.json: a stored event keeps its shape "
                            + "forever, so give the new shape @Revision(\"%d\"), an upcaster from revision %s and "
                            + "its golden file", name, name, revision, Integer.parseInt(revision) + 1, revision)
                    .isEqualTo(Shape.of(JSON.readTree(golden), event.getValue()));
        }
    }

    @Test
    void the_golden_file_of_every_revision_reads_as_the_current_revision() {
        EventTypes.all().forEach((name, type) -> {
            int current = Integer.parseInt(revision(type));
            for (int revision = 1; revision <= current; revision++) {
                byte[] golden = golden(name, Integer.toString(revision));
                assertThat(golden).as("golden file events/%s/%d.json", name, revision).isNotNull();
                Object read = read(name, Integer.toString(revision), golden);
                assertThat(read).as("%s revision %d", name, revision).isInstanceOf(type);
            }
        });
    }

    @Test
    void events_stored_under_their_class_names_before_stable_names_read_as_revision_one() {
        EventTypes.LEGACY_NAMES.forEach((className, name) -> {
            Class<?> type = EventTypes.classOf(name).orElseThrow();
            IntermediateEventRepresentation upcast = upcast(className, null, golden(name, "1"));
            assertThat(upcast.getType().getName()).isEqualTo(name);
            assertThat(upcast.getType().getRevision()).isEqualTo(revision(type));
            assertThat((Object) SERIALIZER.deserialize(upcast.getData())).isInstanceOf(type);
        });
    }

    /** The golden file's event read as the store reads it: the upcaster chain, then the serializer. */
    static Object read(String name, String revision, byte[] json) {
        return SERIALIZER.deserialize(upcast(name, revision, json).getData());
    }

    static IntermediateEventRepresentation upcast(String payloadType, String revision, byte[] json) {
        InitialEventRepresentation stored = new InitialEventRepresentation(new GenericDomainEventEntry<>(
                "DepartmentBudget", "062-2026", 0, "event-1", "2026-01-15T08:00:00Z", payloadType, revision, json,
                "{}".getBytes(StandardCharsets.UTF_8)), SERIALIZER);
        List<IntermediateEventRepresentation> upcast = UPCASTERS.upcast(Stream.of(stored)).toList();
        assertThat(upcast).hasSize(1);
        SerializedType type = upcast.get(0).getType();
        assertThat(type.getRevision()).as("%s read from revision %s", type.getName(), revision)
                .isEqualTo(EventTypes.classOf(type.getName()).map(EventSchemaTest::revision).orElse(null));
        return upcast.get(0);
    }

    static String revision(Class<?> type) {
        return type.getAnnotation(Revision.class).value();
    }

    static byte[] golden(String name, String revision) {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream("/events/" + name + "/" + revision + ".json")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode goldenTree(String name, String revision) throws IOException {
        return JSON.readTree(golden(name, revision));
    }

    private static List<Class<?>> recordsOfTheEventsPackage() throws URISyntaxException, ClassNotFoundException {
        File classes = new File(EventTypes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        File folder = new File(classes, "budgetledger/events");
        List<Class<?>> records = new ArrayList<>();
        for (String file : folder.list()) {
            if (file.endsWith(".class") && !file.contains("$")) {
                Class<?> type = Class.forName("budgetledger.events." + file.substring(0, file.length() - 6));
                if (type.isRecord()) {
                    records.add(type);
                }
            }
        }
        assertThat(records).hasSizeGreaterThan(10);
        return records;
    }
}
