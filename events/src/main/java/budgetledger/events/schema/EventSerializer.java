package budgetledger.events.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The serializer of everything Axon stores (events, snapshots, tokens, metadata): Jackson with an ObjectMapper of its
 * own, configured here and nowhere else, so that what the REST layer does to its JSON never changes what is stored;
 * events are named by their stable names ({@link EventTypes}) with the revision of their {@code @Revision}.
 */
public final class EventSerializer extends JacksonSerializer {

    private EventSerializer(Builder builder) {
        super(builder);
    }

    /** A serializer with its own ObjectMapper ({@link #objectMapper()}). */
    public static EventSerializer create() {
        return new EventSerializer(JacksonSerializer.builder().objectMapper(objectMapper()));
    }

    /**
     * The stored JSON's settings, as they were when events were written with the web layer's mapper: nulls left out
     * (an absent field reads as null), decimals read exactly where no type says otherwise (upcasters' trees), properties an older or newer shape has and this one lacks ignored (a change of
     * shape is caught by the golden files, not at read time), times as ISO text.
     */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new ParameterNamesModule())
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type == null) {
            return super.typeForClass(null);
        }
        return EventTypes.nameOf(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, getRevisionResolver().revisionOf(type)))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventTypes.classOf(serializedType.getName()).map(Class::getName).orElse(serializedType.getName());
    }
}
