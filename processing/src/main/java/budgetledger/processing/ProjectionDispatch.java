package budgetledger.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A processing group's projections handed to Axon's invoker as one event handler. Each projection is still Axon's
 * own adapter (its handler methods, parameter resolvers, interceptors and {@code @ResetHandler} as Axon resolves
 * them), called in the order given (DeadLetterConfiguration: by {@code @Order}); what changes is what is asked per
 * event.
 * <p>
 * Why (issue 18, path 3): for every event Axon's invoker asked, in a replay, whether the group supports a reset (a
 * stream over every handler method of every projection), then each of the seven projections whether it can handle
 * the event, then gave the event to each of the seven to resolve its handler again. A JFR profile of a rebuild of
 * 1,000,000 events put 12 % of the processor threads' samples in {@code supportsReset} alone and about a fifth in
 * this resolution altogether, for events that two or three projections handle. Here the projections that handle a
 * payload type are found once per type, by Axon's own {@code canHandleType}, and only they see its events; whether
 * any projection supports a reset is asked once, since it follows from the handlers' annotations.
 * <p>
 * A projection that cannot handle a type cannot handle any event of it: Axon's handler member accepts a message only
 * if its payload type is assignable from the message's, which is what {@code canHandleType} asks.
 * {@code ProjectionDispatchTest} compares this with Axon's invoker over generated messages.
 */
public final class ProjectionDispatch implements EventMessageHandler {

    private final List<EventMessageHandler> projections;
    private final boolean supportsReset;
    private final Map<Class<?>, EventMessageHandler[]> byPayloadType = new ConcurrentHashMap<>();

    /** @param projections Axon's adapters of the group's projections, in the order they are to be called */
    public ProjectionDispatch(List<EventMessageHandler> projections) {
        if (projections.isEmpty()) {
            throw new IllegalArgumentException("a processing group without projections has nothing to dispatch to");
        }
        this.projections = List.copyOf(projections);
        this.supportsReset = this.projections.stream().anyMatch(EventMessageHandler::supportsReset);
    }

    /** The projections, in the order they are called. */
    public List<EventMessageHandler> projections() {
        return projections;
    }

    private EventMessageHandler[] handling(Class<?> payloadType) {
        return byPayloadType.computeIfAbsent(payloadType, type -> projections.stream()
                .filter(projection -> projection.canHandleType(type))
                .toArray(EventMessageHandler[]::new));
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        for (EventMessageHandler projection : handling(event.getPayloadType())) {
            projection.handle(event);
        }
        return null;
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        for (EventMessageHandler projection : handling(event.getPayloadType())) {
            if (projection.canHandle(event)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handling(payloadType).length > 0;
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }

    @Override
    public <R> void prepareReset(R resetContext) {
        for (EventMessageHandler projection : projections) {
            projection.prepareReset(resetContext);
        }
    }
}
