package budgetledger.events.schema;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Function;

/**
 * The first upcaster of the chain: an event stored before stable names (its class name, no revision) is revision 1
 * of its stable name. Its JSON is left as it is; the upcasters after this one see stable names only.
 */
public final class LegacyTypeNames extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getRevision() == null && EventTypes.legacyName(event.getType().getName()).isPresent();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String name = EventTypes.legacyName(event.getType().getName()).orElseThrow();
        Class<Object> representation = (Class<Object>) event.getData().getContentType();
        return event.upcast(new SimpleSerializedType(name, "1"), representation, Function.identity(),
                Function.identity());
    }
}
