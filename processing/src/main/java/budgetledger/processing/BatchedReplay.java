package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import budgetledger.projections.ReplayProgress;
import budgetledger.projections.ReplaySpan;
import org.axonframework.common.transaction.Transaction;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Issue 18, path 3: the first part of a rebuild's replay, up to the head of the journal as it was when the rebuild
 * began, applied without the tracking processor's per-event machinery, with the processor stopped and its segments
 * claimed by this node. The tracking processor then starts from where this left off and applies the rest (events
 * appended since, and any gap filled late) as it always does.
 * <p>
 * Why: every event of Axon's tracking processor goes through a unit of work of its own, the handler interceptors, the
 * dead-lettering invoker, a replay token advanced for it and a result message (profile of 2026-12-06, third session:
 * about 45 % of the processor threads' time). Here each segment's thread reads the journal straight from the storage
 * engine (never the embedded store's cache of recent events: a row deleted since it was read must not come back,
 * ReplayReadsTheJournal), keeps its own events and applies a batch of them in one unit of work. The batches up to a
 * checkpoint (every {@code budget-ledger.rebuild.checkpoint} events read, or as many rows held) are one transaction
 * and one {@link ReplaySpan}, in which the line read model holds its writes: each line is written once per span
 * (inserted with its newest amount when appropriated in it), not once per batch. The checkpoint writes them and the
 * segment's token and commits. A budget's events all fall in one segment (the processor's own sequencing
 * policy), so they are applied in order, as the processor applies them. Each segment reads the whole journal, as the
 * processor's do: one reader handing events to both kept them in step, and since a bulk load puts thousands of one
 * budget's events together, one segment's thread then waited while the other worked (measured: the same rate as the
 * processor's with 40 % less of the JVM's CPU).
 * <p>
 * The projections are the processor's own: the group's ProjectionDispatch with Axon's adapters around each, so every
 * handler and every {@code @ResetHandler} is the one definition. The events carry their own tracking tokens, not the
 * replay token the processor would wrap each in (advancing it per event was an eighth of this replay's time): no
 * ledger-core handler asks whether it is in a replay (ProjectionReplayTest checks the group for it). Each checkpoint
 * stores its segment's replay token advanced as the processor advances it. Not here: the dead-letter queue and the
 * pass-over rules. A replay begins with an empty queue (the reset empties it) and empty read models; the first failure
 * of a handler rolls its span back and hands the replay, from the last checkpoint, to the processor, which parks the
 * event as it always does. ShownEvents is not needed for correctness: applying an event the read models already show
 * changes nothing.
 * <p>
 * A crash part-way leaves each segment's replay token at its last checkpoint; the processor resumes the replay from
 * there.
 */
@Component
public class BatchedReplay {

    private static final Logger log = LoggerFactory.getLogger(BatchedReplay.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;
    /** Events in a batch: the processor's batch size unless set for rebuilds alone. */
    private static final String BATCH_SIZE =
            "${budget-ledger.rebuild.batch-size:${axon.eventhandling.processors.ledger-core.batch-size:1000}}";

    private final ReadModelProgress progress;
    private final ReplayProgress replay;
    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final TransactionManager batches;
    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final int checkpoint;

    public BatchedReplay(ReadModelProgress progress, ReplayProgress replay, EventProcessingConfiguration processing,
                         EventStorageEngine storage, TransactionManager transactions,
                         JdbcTemplate jdbc,
                         @Value("${budget-ledger.processing.durable-batches:false}") boolean durable,
                         @Value(BATCH_SIZE) int batchSize,
                         @Value("${budget-ledger.rebuild.checkpoint:100000}") int checkpoint) {
        this.progress = progress;
        this.replay = replay;
        this.processing = processing;
        this.storage = storage;
        this.batches = ProjectionTransactions.batches(transactions, jdbc, durable);
        this.jdbc = jdbc;
        if (batchSize < 1) {
            throw new IllegalArgumentException("budget-ledger.rebuild.batch-size must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
        if (checkpoint < 1) {
            throw new IllegalArgumentException("budget-ledger.rebuild.checkpoint must be at least 1, not " + checkpoint);
        }
        this.checkpoint = checkpoint;
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
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            workers.add(new Worker(dispatch, tokens, segments[i], replayTokens[i], policy, target));
        }
        long began = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(segments.length, runnable -> {
            Thread thread = new Thread(runnable, "BatchedReplay[" + LedgerProcessing.CORE + "]");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Worker worker : workers) {
                running.add(threads.submit(worker));
            }
            for (Future<?> segment : running) {
                while (!done(segment)) {
                    log.info("Batched replay of {}: {} events applied, at global index {} of {}",
                            LedgerProcessing.CORE, workers.stream().mapToLong(w -> w.applied).sum(),
                            workers.stream().mapToLong(w -> w.position).min().orElse(-1), target);
                }
            }
        } finally {
            threads.shutdownNow();
        }
        long applied = workers.stream().mapToLong(w -> w.applied).sum();
        for (Worker worker : workers) {
            if (worker.failure != null) {
                log.warn("Batched replay of {}: a handler failed in segment {} ({}); the processor goes on from the "
                                + "last batch stored", LedgerProcessing.CORE, worker.segment.getSegmentId(),
                        worker.failure.toString());
                return new Outcome(applied, -1, false);
            }
        }
        long position = workers.stream().mapToLong(w -> w.position).min().orElse(-1);
        log.info("Batched replay of {}: {} events up to global index {} in {} ms", LedgerProcessing.CORE, applied,
                position, (System.nanoTime() - began) / 1_000_000);
        return new Outcome(applied, position, true);
    }

    /** Waits up to the progress interval for a segment's thread; whether it has ended. */
    private static boolean done(Future<?> segment) {
        try {
            segment.get(PROGRESS_EVERY_NANOS, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + LedgerProcessing.CORE, e);
        } catch (ExecutionException e) {
            return true; // the worker keeps its failure
        }
    }

    /** The processor's projections: the ProjectionDispatch inside its invoker. */
    private Optional<ProjectionDispatch> dispatch() {
        EventHandlerInvoker invoker = progress.processor().eventHandlerInvoker();
        List<EventHandlerInvoker> parts =
                invoker instanceof SteadyInvoker steady ? steady.invokers() : List.of(invoker);
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

    /**
     * One segment: reads the journal up to the target, keeps the segment's events (the processor invoker's rule:
     * the hash of the sequencing policy's identifier, else of the event's) and applies them a batch at a time. The
     * batches between two checkpoints are one transaction and one {@link ReplaySpan}: what the projections hold over
     * the span and the segment's token are written at the checkpoint, which commits it.
     */
    private final class Worker implements Runnable {

        final Segment segment;
        private final ProjectionDispatch dispatch;
        private final TokenStore tokens;
        private final SequencingPolicy<? super EventMessage<?>> policy;
        private final long target;
        /** The replay token as the segment's last checkpoint left it. */
        private TrackingToken token;
        /** The span since the last checkpoint and its transaction; null before its first batch. */
        private Transaction open;
        private ReplaySpan span;
        private long appliedInSpan;
        volatile long applied;
        volatile long position = -1;
        volatile Throwable failure;

        Worker(ProjectionDispatch dispatch, TokenStore tokens, Segment segment, TrackingToken replayToken,
               SequencingPolicy<? super EventMessage<?>> policy, long target) {
            this.dispatch = dispatch;
            this.tokens = tokens;
            this.segment = segment;
            this.token = replayToken;
            this.policy = policy;
            this.target = target;
        }

        @Override
        public void run() {
            try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
                List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
                TrackingToken last = null;
                int read = 0;
                while (events.hasNext()) {
                    TrackedEventMessage<?> event = events.next();
                    if (event.trackingToken().position().orElse(Long.MAX_VALUE) > target) {
                        break;
                    }
                    last = event.trackingToken();
                    read++;
                    boolean full = false;
                    if (ownsEvent(event)) {
                        batch.add(event);
                        if (batch.size() >= batchSize) {
                            apply(batch);
                            batch = new ArrayList<>(batchSize);
                            full = span.size() >= checkpoint;
                        }
                    }
                    // The span is as large as it may be, in events read (the token moves on) or in rows held.
                    if (full || read >= checkpoint) {
                        apply(batch);
                        batch = new ArrayList<>(batchSize);
                        checkpoint(last);
                        read = 0;
                    }
                }
                if (last != null) {
                    apply(batch);
                    checkpoint(last); // the token at the last event read, the segment's own or not
                }
            } catch (Throwable e) {
                failure = e;
                if (open != null) {
                    Transaction abandoned = open;
                    open = null;
                    try {
                        abandoned.rollback();
                    } catch (RuntimeException rollback) {
                        e.addSuppressed(rollback); // the span is lost either way; the failure is what is reported
                    }
                }
            }
        }

        private boolean ownsEvent(EventMessage<?> event) {
            Object sequence = policy.getSequenceIdentifierFor(event);
            return segment.matches(Objects.hashCode(sequence == null ? event.getIdentifier() : sequence));
        }

        /** A batch in the open span (opened if need be): its own unit of work, in the span's transaction. */
        private void apply(List<TrackedEventMessage<?>> batch) throws Exception {
            if (batch.isEmpty()) {
                return;
            }
            begin();
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            span.enter(unitOfWork);
            try {
                for (TrackedEventMessage<?> event : batch) {
                    dispatch.handle(event);
                }
            } catch (Throwable e) {
                unitOfWork.rollback(e);
                throw e;
            }
            unitOfWork.commit();
            appliedInSpan += batch.size();
        }

        /** Opens a span: its transaction, planned afresh once for all its batches (ProjectionTransactions). */
        private void begin() {
            if (open == null) {
                open = batches.startTransaction();
                span = new ReplaySpan();
                ProjectionTransactions.planAfresh(jdbc); // a failure here is rolled back with the span, in run()
            }
        }

        /** What the span holds and the segment's token advanced to {@code upTo}, committed with its batches. */
        private void checkpoint(TrackingToken upTo) {
            begin();
            span.write();
            TrackingToken advanced = advance(token, upTo);
            tokens.storeToken(advanced, LedgerProcessing.CORE, segment.getSegmentId());
            Transaction committing = open;
            open = null;
            committing.commit();
            replay.passed(upTo);
            token = advanced;
            applied += appliedInSpan;
            appliedInSpan = 0;
            position = upTo.position().orElse(position);
        }
    }

    /** The token after {@code next}: a replay token advanced as the processor advances it, else {@code next}. */
    private static TrackingToken advance(TrackingToken current, TrackingToken next) {
        return current instanceof WrappedToken wrapped ? wrapped.advancedTo(next) : next;
    }
}
