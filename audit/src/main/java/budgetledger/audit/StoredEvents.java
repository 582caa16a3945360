package budgetledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Stored events read as Axon's event store reads them, for those that read rows themselves (the journal behind
 * history and as-of, the verification): the same upcaster chain, then the same event serializer. A payload that
 * cannot be read is an {@link UnreadableEventException} naming the event, never skipped.
 */
@Component
public class StoredEvents {

    private static final byte[] NO_METADATA = "{}".getBytes(StandardCharsets.UTF_8);

    private final Serializer serializer;
    private final EventUpcasterChain upcasters;

    public StoredEvents(@Qualifier("eventSerializer") Serializer serializer, EventUpcasterChain upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** A read of many events: the JSON reader of each type is built once for all of them (thread-safe). */
    public Reading reading() {
        return new Reading();
    }

    public final class Reading {

        private final Map<SerializedType, ObjectReader> readers = new ConcurrentHashMap<>();

        private Reading() {
        }

        /**
         * The payloads one stored event reads as after upcasting, in order: one, unless an upcaster splits or drops
         * it.
         */
        public List<Object> payloads(StoredEvent event) {
            try {
                InitialEventRepresentation initial = new InitialEventRepresentation(new GenericDomainEventEntry<>(
                        event.type(), event.aggregateIdentifier(), event.sequenceNumber(), event.eventIdentifier(),
                        event.timeStamp(), event.payloadType(), event.payloadRevision(), event.payload(),
                        event.metaData() == null ? NO_METADATA : event.metaData()), serializer);
                List<IntermediateEventRepresentation> upcast = upcasters.upcast(Stream.of(initial)).toList();
                List<Object> payloads = new ArrayList<>(upcast.size());
                for (IntermediateEventRepresentation representation : upcast) {
                    payloads.add(payload(representation.getType(), representation.getData()));
                }
                return payloads;
            } catch (UnreadableEventException e) {
                throw e;
            } catch (RuntimeException | java.io.IOException e) {
                throw new UnreadableEventException(event, e);
            }
        }

        private Object payload(SerializedType type, SerializedObject<?> data) throws java.io.IOException {
            if (!(serializer instanceof JacksonSerializer jackson)) {
                return serializer.deserialize(data);
            }
            ObjectReader reader = readers.computeIfAbsent(type, t -> {
                Class<?> target = serializer.classForType(t);
                if (UnknownSerializedType.class.equals(target)) {
                    throw new IllegalStateException("no event type is named " + t.getName());
                }
                return jackson.getObjectMapper().readerFor(target);
            });
            if (data.getData() instanceof byte[] bytes) {
                return reader.readValue(bytes);
            }
            if (data.getData() instanceof JsonNode node) {
                return reader.readValue(node);
            }
            return reader.readValue(serializer.getConverter().convert(data, byte[].class).getData());
        }
    }

    /** A stored event no reader can take: its type is unknown, an upcaster refused it, or its JSON is not its type. */
    public static final class UnreadableEventException extends IllegalStateException {

        private final long globalIndex;

        UnreadableEventException(StoredEvent event, Throwable cause) {
            super("event " + event.globalIndex() + " (" + event.aggregateIdentifier() + " #" + event.sequenceNumber()
                    + ", " + event.payloadType() + " revision " + event.payloadRevision() + ") cannot be read: "
                    + cause.getMessage(), cause);
            this.globalIndex = event.globalIndex();
        }

        public long globalIndex() {
            return globalIndex;
        }
    }
}
