package budgetledger.events.schema;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The serializer finds each stored type's class as Axon's JacksonSerializer does, asked once or many times. */
class EventSerializerTest {

    private final EventSerializer serializer = EventSerializer.create();
    private final JacksonSerializer axon = JacksonSerializer.builder().objectMapper(EventSerializer.objectMapper()).build();

    @Test
    void every_event_name_is_its_class_and_every_other_type_the_class_axon_finds() {
        EventTypes.all().forEach((name, type) -> {
            for (int read = 0; read < 3; read++) {
                assertThat(serializer.classForType(new SimpleSerializedType(name, "1"))).isEqualTo(type);
            }
        });
        for (String name : new String[]{MetaData.class.getName(), BigDecimal.class.getName(), String.class.getName(),
                "budgetledger.no.such.Type", "", "java.lang.Strin"}) {
            for (int read = 0; read < 3; read++) {
                SimpleSerializedType type = new SimpleSerializedType(name, null);
                assertThat(serializer.classForType(type)).as(name).isEqualTo(axon.classForType(type));
            }
        }
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }

    @Test
    void a_type_no_class_has_reads_as_unknown_every_time_and_a_known_one_reads_its_value() {
        SerializedObject<byte[]> unknown = new SimpleSerializedObject<>("{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                byte[].class, "budgetledger.no.such.Type", null);
        for (int read = 0; read < 2; read++) {
            assertThat((Object) serializer.deserialize(unknown)).isInstanceOf(UnknownSerializedType.class);
        }
        SerializedObject<byte[]> amount = new SimpleSerializedObject<>("12.30".getBytes(StandardCharsets.UTF_8),
                byte[].class, BigDecimal.class.getName(), null);
        for (int read = 0; read < 2; read++) {
            assertThat((Object) serializer.deserialize(amount)).isEqualTo(new BigDecimal("12.30"));
        }
    }
}
