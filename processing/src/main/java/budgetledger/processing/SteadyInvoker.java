package budgetledger.processing;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger-core processor's invoker: Axon's invokers of the group (here the dead-lettering one around
 * ProjectionDispatch), asked what Axon's {@link MultiEventHandlerInvoker} asks them, in the same order, with the
 * answers that cannot change asked once.
 * <p>
 * Why (issue 18, path 3): Axon's tracking processor asks its invoker, for every event of a batch, whether it can
 * handle the payload type, then whether it can handle the event; handling asks again. Axon's multi-invoker answers
 * each question with a new stream over its invokers, and in a replay asks each invoker whether it supports a reset,
 * which streams over the invoker's handlers. A JFR profile of a rebuild of 1,000,000 events (2026-12-05) put 13.7 %
 * of the processor threads' samples in the multi-invoker's {@code canHandle} (3.1 % in {@code supportsReset} alone)
 * and 2.7 % in {@code canHandleType}, against 3 % in the projections' own handler methods.
 * <p>
 * Asked once: whether each invoker supports a reset (it follows from its handlers' annotations: ProjectionDispatch
 * and Axon's adapters compute it from them) and, per payload type, whether any invoker can handle it (Axon's
 * {@code canHandleType} looks at the type alone). Asked per event as before: whether an invoker can handle the event
 * in the segment (the handlers' parameters, the sequencing policy).
 * <p>
 * One difference, on purpose: a released segment is passed on to the invokers. Axon's multi-invoker keeps the
 * interface's no-op, so the dead-lettering invoker never dropped the sequence cache of a segment this node let go,
 * as DeadLetterConfiguration assumed: another node may park events of those budgets meanwhile.
 * {@code ProjectionDispatchTest} compares this invoker with Axon's over generated groups, messages and segments.
 */
public final class SteadyInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker[] invokers;
    private final boolean[] supportsReset;
    private final boolean anySupportsReset;
    private final Map<Class<?>, Boolean> canHandleType = new ConcurrentHashMap<>();

    /** @param invoker Axon's invoker of the group; a multi-invoker is taken apart into its invokers, as Axon does */
    public SteadyInvoker(EventHandlerInvoker invoker) {
        List<EventHandlerInvoker> parts = invoker instanceof MultiEventHandlerInvoker multi
                ? multi.delegates() : List.of(invoker);
        this.invokers = parts.toArray(EventHandlerInvoker[]::new);
        this.supportsReset = new boolean[invokers.length];
        boolean any = false;
        for (int i = 0; i < invokers.length; i++) {
            supportsReset[i] = invokers[i].supportsReset();
            any |= supportsReset[i];
        }
        this.anySupportsReset = any;
    }

    /** Axon's invokers of the group, in the order they are asked. */
    public List<EventHandlerInvoker> invokers() {
        return List.of(invokers);
    }

    private boolean canHandle(int i, EventMessage<?> event, Segment segment) {
        return (supportsReset[i] || !ReplayToken.isReplay(event)) && invokers[i].canHandle(event, segment);
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        for (int i = 0; i < invokers.length; i++) {
            if (canHandle(i, eventMessage, segment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return canHandleType.computeIfAbsent(payloadType, type -> {
            for (EventHandlerInvoker invoker : invokers) {
                if (invoker.canHandleType(type)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        for (int i = 0; i < invokers.length; i++) {
            if (canHandle(i, message, segment)) {
                invokers[i].handle(message, segment);
            }
        }
    }

    @Override
    public boolean supportsReset() {
        return anySupportsReset;
    }

    @Override
    public void performReset() {
        performReset(null);
    }

    @Override
    public <R> void performReset(R resetContext) {
        for (int i = 0; i < invokers.length; i++) {
            if (supportsReset[i]) {
                invokers[i].performReset(resetContext);
            }
        }
    }

    @Override
    public void segmentReleased(Segment segment) {
        for (EventHandlerInvoker invoker : invokers) {
            invoker.segmentReleased(segment);
        }
    }
}
