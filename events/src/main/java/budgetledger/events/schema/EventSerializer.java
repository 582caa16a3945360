package budgetledger.events.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serializer of everything Axon stores (events, snapshots, tokens, metadata): Jackson with an ObjectMapper of its
 * own, configured here and nowhere else, so that what the REST layer does to its JSON never changes what is stored;
 * events are named by their stable names ({@link EventTypes}) with the revision of their {@code @Revision}.
 */
public final class EventSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final ClassValue<ObjectReader> readers = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return getObjectMapper().readerFor(type);
        }
    };

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

    /**
     * The class of a stored type: an event's from its stable name, any other (snapshots, tokens, metadata) as Axon
     * finds it, remembered once found. Issue 18: Axon looks the name up through the class loader on every read (and an
     * event's name was turned into its class, then its class name, then looked up again), about a fifth of the
     * payload's deserialisation in a rebuild. A name Axon does not find is asked again each time, as Axon does.
     */
    @Override
    public Class classForType(SerializedType type) {
        Class<?> event = EventTypes.classOf(type.getName()).orElse(null);
        if (event != null) {
            return event;
        }
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }

    /** Each type's reader, made once (Axon makes one per read; ObjectReader is immutable and thread-safe). */
    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.get(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventTypes.classOf(serializedType.getName()).map(Class::getName).orElse(serializedType.getName());
    }
}
