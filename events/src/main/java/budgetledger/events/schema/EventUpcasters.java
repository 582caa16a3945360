package budgetledger.events.schema;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * The one upcaster chain every reader of stored events goes through (the event store, history, as-of, verification):
 * old class names to stable names first, then each event's revisions in order.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static EventUpcasterChain chain(TableUnits units) {
        return new EventUpcasterChain(new LegacyTypeNames(), new DisclosureRecordedTablesInFen(units));
    }
}
