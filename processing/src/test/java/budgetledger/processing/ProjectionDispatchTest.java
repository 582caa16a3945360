package budgetledger.processing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.annotation.SourceId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ProjectionDispatch calls what Axon's own invoker calls: the same handler methods of the same projections, in the
 * same order, with the same refusals, the same answers to "can handle" (in a replay too) and the same reset. Each
 * case is a generated processing group (a subset of projection shapes, in any order) and generated messages (payload
 * types that are records, subclasses, interface implementations or handled by none; plain, domain, tracked, replayed).
 */
class ProjectionDispatchTest {

    interface Marker {
    }

    static class Base {
        final int n;

        Base(int n) {
            this.n = n;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + n;
        }
    }

    static final class Adjusted extends Base implements Marker {
        Adjusted(int n) {
            super(n);
        }
    }

    record Opened(int n) {
    }

    record Noted(int n) implements Marker {
    }

    record Unrelated(int n) {
    }

    record Refused(int n) {
    }

    /** The calls one side's projections received, in order. */
    static final class Calls {
        final List<String> made = new ArrayList<>();
    }

    abstract static class Projection {
        final Calls calls;

        Projection(Calls calls) {
            this.calls = calls;
        }

        void called(String what) {
            calls.made.add(getClass().getSimpleName() + "." + what);
        }
    }

    static final class Lines extends Projection {
        Lines(Calls calls) {
            super(calls);
        }

        @EventHandler
        void on(Opened event) {
            called("opened " + event);
        }

        @EventHandler
        void on(Adjusted event, @SequenceNumber long sequence) {
            called("adjusted " + event + " at " + sequence);
        }

        @ResetHandler
        void reset() {
            called("reset");
        }
    }

    static final class Progress extends Projection {
        Progress(Calls calls) {
            super(calls);
        }

        @EventHandler
        void on(Object event, @SourceId String budget, @SequenceNumber long sequence) {
            called("progress " + budget + "@" + sequence);
        }

        @ResetHandler
        void reset() {
            called("reset");
        }
    }

    static final class Replays extends Projection {
        Replays(Calls calls) {
            super(calls);
        }

        @EventHandler
        void on(Object event, TrackingToken token) {
            called("passed " + token.position().orElse(-1));
        }
    }

    static final class Markers extends Projection {
        Markers(Calls calls) {
            super(calls);
        }

        @EventHandler
        void on(Marker event) {
            called("marker " + event);
        }
    }

    static final class Bases extends Projection {
        Bases(Calls calls) {
            super(calls);
        }

        @EventHandler
        void on(Base event) {
            called("base " + event);
        }
    }

    static final class LiveOnly extends Projection {
        LiveOnly(Calls calls) {
            super(calls);
        }

        @DisallowReplay
        @EventHandler
        void on(Noted event) {
            called("noted " + event);
        }
    }

    static final class Refusing extends Projection {
        Refusing(Calls calls) {
            super(calls);
        }

        @EventHandler
        void on(Refused event) {
            called("refusing " + event);
            throw new EventStoreException("refused " + event.n());
        }
    }

    enum Shape {
        LINES(Lines::new), PROGRESS(Progress::new), REPLAYS(Replays::new), MARKERS(Markers::new), BASES(Bases::new),
        LIVE_ONLY(LiveOnly::new), REFUSING(Refusing::new);

        final Function<Calls, Projection> make;

        Shape(Function<Calls, Projection> make) {
            this.make = make;
        }
    }

    enum Kind { PLAIN, DOMAIN, TRACKED, TRACKED_DOMAIN, REPLAYED, REPLAYED_DOMAIN }

    static final List<Class<?>> PAYLOAD_TYPES = List.of(Opened.class, Adjusted.class, Noted.class, Unrelated.class,
            Refused.class, Base.class, Marker.class, Object.class, String.class);

    static EventMessage<?> message(int payloadKind, Kind kind, int n) {
        Object payload = switch (payloadKind) {
            case 0 -> new Opened(n);
            case 1 -> new Adjusted(n);
            case 2 -> new Noted(n);
            case 3 -> new Unrelated(n);
            case 4 -> new Refused(n);
            default -> new Base(n);
        };
        GenericDomainEventMessage<Object> domain =
                new GenericDomainEventMessage<>("DepartmentBudget", "budget-" + (n % 3), n, payload);
        TrackingToken token = new GlobalSequenceTrackingToken(n);
        TrackingToken replayed = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(n + 10), token);
        return switch (kind) {
            case PLAIN -> GenericEventMessage.asEventMessage(payload);
            case DOMAIN -> domain;
            case TRACKED -> new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(payload));
            case TRACKED_DOMAIN -> new GenericTrackedDomainEventMessage<>(token, domain);
            case REPLAYED -> new GenericTrackedEventMessage<>(replayed, GenericEventMessage.asEventMessage(payload));
            case REPLAYED_DOMAIN -> new GenericTrackedDomainEventMessage<>(replayed, domain);
        };
    }

    /** One side of the comparison: a group's projections behind an invoker built as the dead-letter invoker is. */
    record Side(Calls calls, EventHandlerInvoker invoker) {

        static Side axon(List<Shape> shapes) {
            Calls calls = new Calls();
            List<Object> projections = shapes.stream().<Object>map(shape -> shape.make.apply(calls)).toList();
            return new Side(calls, new MultiEventHandlerInvoker(invoker(projections)));
        }

        static Side dispatched(List<Shape> shapes) {
            Calls calls = new Calls();
            return new Side(calls, new MultiEventHandlerInvoker(invoker(List.of(dispatch(shapes, calls)))));
        }

        /** As the ledger-core processor has it: ProjectionDispatch behind Axon's invoker, behind SteadyInvoker. */
        static Side steady(List<Shape> shapes) {
            Calls calls = new Calls();
            return new Side(calls, new SteadyInvoker(new MultiEventHandlerInvoker(invoker(List.of(dispatch(shapes,
                    calls))))));
        }

        static ProjectionDispatch dispatch(List<Shape> shapes, Calls calls) {
            return new ProjectionDispatch(shapes.stream()
                    .<EventMessageHandler>map(shape -> new AnnotationEventHandlerAdapter(shape.make.apply(calls)))
                    .toList());
        }

        private static SimpleEventHandlerInvoker invoker(List<?> handlers) {
            return SimpleEventHandlerInvoker.builder().eventHandlers(handlers)
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build();
        }

        /** What handling the message did: whether the invoker took it, and the refusal if one propagated. */
        String handle(EventMessage<?> message) {
            return handle(message, Segment.ROOT_SEGMENT);
        }

        String handle(EventMessage<?> message, Segment segment) {
            boolean taken = invoker.canHandle(message, segment);
            if (!taken) {
                return "not taken";
            }
            try {
                invoker.handle(message, segment);
                return "handled";
            } catch (Exception e) {
                return "refused: " + e.getClass().getSimpleName() + " " + e.getMessage();
            }
        }
    }

    @Provide
    Arbitrary<List<Shape>> groups() {
        return Arbitraries.of(Shape.class).list().uniqueElements().ofMinSize(1).ofMaxSize(Shape.values().length);
    }

    @Provide
    Arbitrary<List<EventMessage<?>>> messages() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 1_000))
                .as(ProjectionDispatchTest::message).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void a_dispatched_group_calls_what_axons_invoker_calls(@ForAll("groups") List<Shape> group,
                                                         @ForAll("messages") List<EventMessage<?>> messages) {
        Side axon = Side.axon(group);
        Side dispatched = Side.dispatched(group);

        assertThat(dispatched.invoker().supportsReset()).isEqualTo(axon.invoker().supportsReset());
        for (Class<?> type : PAYLOAD_TYPES) {
            assertThat(dispatched.invoker().canHandleType(type)).as("can handle type %s", type.getSimpleName())
                    .isEqualTo(axon.invoker().canHandleType(type));
        }
        for (EventMessage<?> message : messages) {
            assertThat(dispatched.handle(message)).as("message %s", message).isEqualTo(axon.handle(message));
            assertThat(dispatched.calls().made).as("calls after %s", message).isEqualTo(axon.calls().made);
        }
        axon.invoker().performReset();
        dispatched.invoker().performReset();
        assertThat(dispatched.calls().made).isEqualTo(axon.calls().made);
    }

    /**
     * The segments of a processor split in one, two or four: an event is taken by the segment its budget hashes to
     * (Axon's sequencing policy), and by none of the others.
     */
    static final List<Segment> SEGMENTS = List.of(Segment.ROOT_SEGMENT, Segment.ROOT_SEGMENT.split()[0],
            Segment.ROOT_SEGMENT.split()[1], Segment.ROOT_SEGMENT.split()[0].split()[0],
            Segment.ROOT_SEGMENT.split()[0].split()[1], Segment.ROOT_SEGMENT.split()[1].split()[0],
            Segment.ROOT_SEGMENT.split()[1].split()[1]);

    @Property(tries = 300)
    void the_steady_invoker_answers_and_calls_what_axons_invoker_does(
            @ForAll("groups") List<Shape> group, @ForAll("messages") List<EventMessage<?>> messages) {
        Side axon = Side.axon(group);
        Side steady = Side.steady(group);

        assertThat(steady.invoker().supportsReset()).isEqualTo(axon.invoker().supportsReset());
        for (int pass = 0; pass < 2; pass++) {
            for (Class<?> type : PAYLOAD_TYPES) {
                assertThat(steady.invoker().canHandleType(type)).as("can handle type %s", type.getSimpleName())
                        .isEqualTo(axon.invoker().canHandleType(type));
            }
        }
        for (EventMessage<?> message : messages) {
            for (Segment segment : SEGMENTS) {
                assertThat(steady.handle(message, segment)).as("message %s in %s", message, segment)
                        .isEqualTo(axon.handle(message, segment));
                assertThat(steady.calls().made).as("calls after %s in %s", message, segment)
                        .isEqualTo(axon.calls().made);
            }
        }
        axon.invoker().performReset();
        steady.invoker().performReset();
        assertThat(steady.calls().made).isEqualTo(axon.calls().made);
    }

    @Example
    void an_adjustment_is_taken_by_the_one_segment_of_its_budget() {
        Side steady = Side.steady(List.of(Shape.LINES, Shape.PROGRESS));
        EventMessage<?> adjusted = message(1, Kind.TRACKED_DOMAIN, 4);
        String budget = ((DomainEventMessage<?>) adjusted).getAggregateIdentifier();
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        Segment own = halves[0].matches(budget.hashCode()) ? halves[0] : halves[1];
        Segment other = own == halves[0] ? halves[1] : halves[0];

        assertThat(steady.handle(adjusted, other)).isEqualTo("not taken");
        assertThat(steady.handle(adjusted, own)).isEqualTo("handled");
        assertThat(steady.calls().made)
                .containsExactly("Lines.adjusted Adjusted4 at 4", "Progress.progress budget-1@4");
    }

    /**
     * A segment released and claimed again asks the dead-letter queue afresh: an event of a budget parked meanwhile
     * (by another node) queues behind it. Axon's multi-invoker does not pass the release on, so the dead-lettering
     * invoker's cache still said the budget was not parked and the event was applied out of its budget's order.
     */
    @Example
    void a_released_segment_sees_what_was_parked_meanwhile() throws Exception {
        record Case(Calls calls, InMemorySequencedDeadLetterQueue<EventMessage<?>> queue, EventHandlerInvoker invoker) {
        }
        Function<Function<EventHandlerInvoker, EventHandlerInvoker>, Case> build = wrap -> {
            Calls calls = new Calls();
            InMemorySequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
            DeadLetteringEventHandlerInvoker deadLettering = DeadLetteringEventHandlerInvoker.builder()
                    .eventHandlers(List.of(Side.dispatch(List.of(Shape.LINES), calls)))
                    .queue(queue).transactionManager(NoTransactionManager.INSTANCE)
                    .enableSequenceIdentifierCache().build();
            return new Case(calls, queue, wrap.apply(new MultiEventHandlerInvoker(deadLettering)));
        };
        Case steady = build.apply(SteadyInvoker::new);
        Case axon = build.apply(invoker -> invoker);
        for (Case c : List.of(steady, axon)) {
            c.invoker().handle(message(1, Kind.TRACKED_DOMAIN, 1), Segment.ROOT_SEGMENT);
            c.queue().enqueue("budget-1", new GenericDeadLetter<>("budget-1", message(1, Kind.TRACKED_DOMAIN, 10),
                    new IllegalStateException("parked by another node")));
            c.invoker().segmentReleased(Segment.ROOT_SEGMENT);
            c.invoker().handle(message(1, Kind.TRACKED_DOMAIN, 4), Segment.ROOT_SEGMENT);
        }

        assertThat(steady.calls().made).containsExactly("Lines.adjusted Adjusted1 at 1");
        assertThat(steady.queue().sequenceSize("budget-1")).isEqualTo(2);
        assertThat(axon.calls().made).containsExactly("Lines.adjusted Adjusted1 at 1", "Lines.adjusted Adjusted4 at 4");
        assertThat(axon.queue().sequenceSize("budget-1")).isEqualTo(1);
    }

    @Example
    void a_replayed_adjustment_reaches_the_projections_of_its_types_with_its_sequence_and_token() {
        List<Shape> group = List.of(Shape.LINES, Shape.PROGRESS, Shape.REPLAYS, Shape.MARKERS, Shape.LIVE_ONLY);
        Side dispatched = Side.dispatched(group);

        assertThat(dispatched.handle(message(1, Kind.REPLAYED_DOMAIN, 7))).isEqualTo("handled");
        assertThat(dispatched.handle(message(2, Kind.REPLAYED_DOMAIN, 8))).isEqualTo("handled");
        assertThat(dispatched.handle(message(2, Kind.TRACKED_DOMAIN, 9))).isEqualTo("handled");
        dispatched.invoker().performReset();

        assertThat(dispatched.calls().made).containsExactly(
                "Lines.adjusted Adjusted7 at 7", "Progress.progress budget-1@7", "Replays.passed 7",
                "Markers.marker Adjusted7",
                // LiveOnly's handler is not for replays: Noted[n=8] is replayed, Noted[n=9] is not.
                "Progress.progress budget-2@8", "Replays.passed 8", "Markers.marker Noted[n=8]",
                "Progress.progress budget-0@9", "Replays.passed 9", "Markers.marker Noted[n=9]",
                "LiveOnly.noted Noted[n=9]",
                "Lines.reset", "Progress.reset");
    }

    @Example
    void a_refusal_stops_the_projections_after_it_and_propagates() {
        Side dispatched = Side.dispatched(List.of(Shape.REPLAYS, Shape.REFUSING, Shape.PROGRESS));

        assertThat(dispatched.handle(message(4, Kind.TRACKED_DOMAIN, 5)))
                .isEqualTo("refused: EventStoreException refused 5");
        assertThat(dispatched.calls().made).containsExactly("Replays.passed 5", "Refusing.refusing Refused[n=5]");
    }

    @Example
    void a_group_whose_only_handler_disallows_replays_does_not_take_replayed_events() {
        Side dispatched = Side.dispatched(List.of(Shape.LIVE_ONLY));

        assertThat(dispatched.invoker().supportsReset()).isFalse();
        assertThat(dispatched.handle(message(2, Kind.REPLAYED, 3))).isEqualTo("not taken");
        assertThat(dispatched.handle(message(2, Kind.TRACKED, 4))).isEqualTo("handled");
        assertThat(dispatched.calls().made).containsExactly("LiveOnly.noted Noted[n=4]");
        assertThat(dispatched.invoker().canHandleType(Unrelated.class)).isFalse();
    }
}
