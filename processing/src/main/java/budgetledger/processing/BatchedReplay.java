package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Issue 18, path 3: the first part of a rebuild's replay, up to the head of the journal as it was when the rebuild
 * began, applied without the tracking processor's per-event machinery, with the processor stopped and its segments
 * claimed by this node. The tracking processor then starts from where this left off and applies the rest (events
 * appended since, and any gap filled late) as it always does.
 * <p>
 * Why: each segment of Axon's tracking processor reads the whole journal and passes over the other segments' events,
 * and every event goes through a unit of work of its own, the handler interceptors, the dead-lettering invoker and a
 * result message (profile of 2026-12-06, third session: about 45 % of the processor threads' time, the fetch another
 * 17 %). Here the journal is read once, on the calling thread, straight from the storage engine (never the embedded
 * store's cache of recent events: a row deleted since it was read must not come back, ReplayReadsTheJournal); each
 * segment's events go, in order, to a thread of that segment, which applies a batch of them in one transaction and one
 * unit of work and stores the segment's token with them. A budget's events all fall in one segment (the processor's own
 * sequencing policy), so they are applied in order, as the processor applies them.
 * <p>
 * The projections are the processor's own: the group's ProjectionDispatch with Axon's adapters around each, so every
 * handler and every {@code @ResetHandler} is the one definition. The events carry their own tracking tokens, not the
 * replay token the processor would wrap each in (advancing it per event was an eighth of this replay's time): no
 * ledger-core handler asks whether it is in a replay (ProjectionReplayTest checks the group for it). Each batch stores
 * its segment's replay token advanced as the processor advances it. Not here: the dead-letter queue and the pass-over
 * rules. A replay begins with an empty queue (the reset empties it) and empty read models; the first failure of a
 * handler rolls its batch back and hands the replay, from the last batch stored, to the processor, which parks the
 * event as it always does. ShownEvents is not needed for correctness: applying an event the read models already show
 * changes nothing.
 * <p>
 * A crash part-way leaves each segment's replay token at its last batch; the processor resumes the replay from there.
 */
@Component
public class BatchedReplay {

    private static final Logger log = LoggerFactory.getLogger(BatchedReplay.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;
    /** Batches read and not yet applied, of every segment together: how far the reader may run ahead. */
    private static final int AHEAD = 16;

    private final ReadModelProgress progress;
    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final TransactionManager batches;
    private final JdbcTemplate jdbc;
    private final int batchSize;

    public BatchedReplay(ReadModelProgress progress, EventProcessingConfiguration processing,
                         EventStorageEngine storage, TransactionManager transactions,
                         JdbcTemplate jdbc,
                         @Value("${budget-ledger.processing.durable-batches:false}") boolean durable,
                         @Value("${budget-ledger.rebuild.batch-size:${axon.eventhandling.processors.ledger-core.batch-size:1000}}")
                         int batchSize) {
        this.progress = progress;
        this.processing = processing;
        this.storage = storage;
        this.batches = ProjectionTransactions.batches(transactions, jdbc, durable);
        this.jdbc = jdbc;
        this.batchSize = Math.max(1, batchSize);
    }

    /** How far a batched replay came: the events it applied and the position it stored in every segment's token. */
    public record Outcome(long applied, long position, boolean complete) {
    }

    /**
     * Applies every event up to global index {@code target}, the processor being stopped and its tokens just reset.
     * Returns how far it came; {@code complete} is false when a handler failed or a segment could not be claimed, and
     * the processor, started next, goes on from the tokens stored.
     */
    public Outcome replayTo(long target) {
        Optional<ProjectionDispatch> dispatch = dispatch();
        if (dispatch.isEmpty()) {
            log.warn("Batched replay of {}: the processor's projections were not found; the processor replays alone",
                    LedgerProcessing.CORE);
            return new Outcome(0, -1, false);
        }
        TokenStore tokens = processing.tokenStore(LedgerProcessing.CORE);
        int[] segmentIds = batches.fetchInTransaction(() -> tokens.fetchSegments(LedgerProcessing.CORE));
        Segment[] segments = Segment.computeSegments(segmentIds);
        TrackingToken[] replayTokens = new TrackingToken[segments.length];
        try {
            batches.executeInTransaction(() -> {
                for (int i = 0; i < segments.length; i++) {
                    replayTokens[i] = tokens.fetchToken(LedgerProcessing.CORE, segments[i].getSegmentId());
                }
            });
        } catch (UnableToClaimTokenException e) {
            log.warn("Batched replay of {}: a segment is claimed elsewhere ({}); the processor replays alone",
                    LedgerProcessing.CORE, e.getMessage());
            return new Outcome(0, -1, false);
        }
        try {
            return replay(dispatch.get(), tokens, segments, replayTokens, target);
        } finally {
            batches.executeInTransaction(() -> {
                for (Segment segment : segments) {
                    tokens.releaseClaim(LedgerProcessing.CORE, segment.getSegmentId());
                }
            });
        }
    }

    private Outcome replay(ProjectionDispatch dispatch, TokenStore tokens, Segment[] segments,
                           TrackingToken[] replayTokens, long target) {
        SequencingPolicy<? super EventMessage<?>> policy = progress.sequencingPolicy();
        Worker[] workers = new Worker[segments.length];
        // Shared by the segments: a long run of one segment's events (a budget's are consecutive in a bulk load) does
        // not stop the reader from feeding the others, as one small queue per segment did.
        Semaphore ahead = new Semaphore(AHEAD);
        for (int i = 0; i < segments.length; i++) {
            workers[i] = new Worker(dispatch, tokens, segments[i], replayTokens[i], ahead);
        }
        long applied = 0;
        long began = System.nanoTime();
        long reported = began;
        TrackingToken last = null;
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (events.hasNext() && !failed(workers)) {
                TrackedEventMessage<?> event = events.next();
                long position = event.trackingToken().position().orElse(Long.MAX_VALUE);
                if (position > target) {
                    break;
                }
                last = event.trackingToken();
                Worker worker = workers[segmentOf(event, policy, segments)];
                worker.pending.add(event);
                applied++;
                if (worker.pending.size() >= batchSize) {
                    worker.submit(last);
                }
                if (System.nanoTime() - reported > PROGRESS_EVERY_NANOS) {
                    reported = System.nanoTime();
                    log.info("Batched replay of {}: {} events read, at global index {} of {}", LedgerProcessing.CORE,
                            applied, position, target);
                }
            }
            if (last != null && !failed(workers)) {
                for (Worker worker : workers) {
                    worker.submit(last); // every segment's token at the last event read, its own events or not
                }
            }
        } finally {
            for (Worker worker : workers) {
                worker.finish();
            }
        }
        for (Worker worker : workers) {
            if (worker.failure.get() != null) {
                log.warn("Batched replay of {}: a handler failed in segment {} ({}); the processor goes on from the "
                                + "last batch stored", LedgerProcessing.CORE, worker.segment.getSegmentId(),
                        worker.failure.get().toString());
                return new Outcome(applied, -1, false);
            }
        }
        long position = last == null ? -1 : last.position().orElse(-1);
        log.info("Batched replay of {}: {} events up to global index {} in {} ms", LedgerProcessing.CORE, applied,
                position, (System.nanoTime() - began) / 1_000_000);
        return new Outcome(applied, position, true);
    }

    private static boolean failed(Worker[] workers) {
        for (Worker worker : workers) {
            if (worker.failure.get() != null) {
                return true;
            }
        }
        return false;
    }

    /** The segment the processor's invoker gives the event to (SimpleEventHandlerInvoker's rule). */
    private static int segmentOf(EventMessage<?> event, SequencingPolicy<? super EventMessage<?>> policy,
                                 Segment[] segments) {
        Object sequence = policy.getSequenceIdentifierFor(event);
        int hash = Objects.hashCode(sequence == null ? event.getIdentifier() : sequence);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].matches(hash)) {
                return i;
            }
        }
        throw new IllegalStateException("no segment of " + LedgerProcessing.CORE + " matches hash " + hash);
    }

    /** The processor's projections: the ProjectionDispatch inside its invoker. */
    private Optional<ProjectionDispatch> dispatch() {
        EventHandlerInvoker invoker = progress.processor().eventHandlerInvoker();
        List<EventHandlerInvoker> parts = invoker instanceof SteadyInvoker steady ? steady.invokers() : List.of(invoker);
        for (EventHandlerInvoker part : parts) {
            if (part instanceof SimpleEventHandlerInvoker simple) {
                for (var handler : simple.eventHandlers()) {
                    if (handler instanceof ProjectionDispatch dispatch) {
                        return Optional.of(dispatch);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** One segment's thread: its batches in the order given, each in one transaction with the segment's token. */
    private final class Worker {

        final Segment segment;
        private final ProjectionDispatch dispatch;
        private final TokenStore tokens;
        private final ExecutorService thread;
        private final Semaphore ahead;
        private final List<Future<?>> submitted = new ArrayList<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        List<TrackedEventMessage<?>> pending = new ArrayList<>();
        /** The replay token as the segment's last batch left it (read on the worker's thread only). */
        private TrackingToken token;

        Worker(ProjectionDispatch dispatch, TokenStore tokens, Segment segment, TrackingToken replayToken,
               Semaphore ahead) {
            this.dispatch = dispatch;
            this.ahead = ahead;
            this.tokens = tokens;
            this.segment = segment;
            this.token = replayToken;
            this.thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "BatchedReplay[" + LedgerProcessing.CORE + "]-" + segment.getSegmentId());
                t.setDaemon(true);
                return t;
            });
        }

        /** Hands the pending events on as a batch whose token is {@code upTo} (the last event read). */
        void submit(TrackingToken upTo) {
            List<TrackedEventMessage<?>> batch = pending;
            pending = new ArrayList<>(batchSize);
            try {
                ahead.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
                return;
            }
            submitted.add(thread.submit(() -> {
                try {
                    if (failure.get() == null) {
                        apply(batch, upTo);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    ahead.release();
                }
            }));
            submitted.removeIf(Future::isDone);
        }

        private void apply(List<TrackedEventMessage<?>> batch, TrackingToken upTo) throws Exception {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(batches);
            TrackingToken advanced = token;
            try {
                if (!batch.isEmpty()) {
                    ProjectionTransactions.planAfresh(unitOfWork, jdbc);
                }
                for (TrackedEventMessage<?> event : batch) {
                    dispatch.handle(event);
                }
                advanced = advance(advanced, upTo);
                tokens.storeToken(advanced, LedgerProcessing.CORE, segment.getSegmentId());
            } catch (Throwable e) {
                unitOfWork.rollback(e);
                throw e;
            }
            unitOfWork.commit();
            token = advanced;
        }

        /** Waits for the batches submitted and stops the thread. */
        void finish() {
            thread.shutdown();
            try {
                for (Future<?> batch : submitted) {
                    batch.get();
                }
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
            thread.shutdownNow();
        }
    }

    /** The token after {@code next}: a replay token advanced as the processor advances it, else {@code next}. */
    private static TrackingToken advance(TrackingToken current, TrackingToken next) {
        return current instanceof WrappedToken wrapped ? wrapped.advancedTo(next) : next;
    }
}
