package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import budgetledger.projections.ReplayProgress;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;

/**
 * Rebuilds the read models from zero: stops the tracking processor, resets its tokens (the projections' reset
 * handlers empty their tables), replays the journal up to its head as it was when the rebuild began (BatchedReplay,
 * unless {@code budget-ledger.rebuild.batched} is false: then the processor replays it), starts the processor again
 * and waits until it has caught up with that head.
 */
@Service
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final ReadModelProgress progress;
    private final EventStore eventStore;
    private final ReadModelChecksum checksum;
    private final ReplayProgress replay;
    private final BatchedReplay batched;
    private final boolean batchedByDefault;

    public ProjectionRebuild(ReadModelProgress progress, EventStore eventStore, ReadModelChecksum checksum,
                             ReplayProgress replay, BatchedReplay batched,
                             @Value("${budget-ledger.rebuild.batched:true}") boolean batchedByDefault) {
        this.progress = progress;
        this.eventStore = eventStore;
        this.checksum = checksum;
        this.replay = replay;
        this.batched = batched;
        this.batchedByDefault = batchedByDefault;
    }

    /** The checksum of the read models before and after a rebuild; equal when the rebuild reproduced them. */
    public record Result(String before, String after, boolean identical, long position) {
    }

    /** Waits for the live read models to catch up, takes their checksum, rebuilds, and takes it again. */
    public Result rebuildAndCompare(Duration timeout) {
        long head = head();
        await(head, timeout);
        String before = checksum.checksum();
        rebuild(timeout);
        String after = checksum.checksum();
        return new Result(before, after, before.equals(after), head);
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private void await(long target, Duration timeout) {
        // Every segment: right after a restart one segment may be claimed before the other.
        waitFor(() -> progress.reachedOnEverySegment(target), "the read models did not reach global index " + target,
                timeout);
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String failure, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(failure + " within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the read models", e);
            }
        }
    }

    /**
     * Rebuilds and returns once the read models hold every event up to the head; fails after {@code timeout}. Returns
     * what the batched replay applied (nothing, and not complete, when the processor replayed alone).
     */
    public BatchedReplay.Outcome rebuild(Duration timeout) {
        return rebuild(timeout, batchedByDefault);
    }

    /**
     * As {@link #rebuild(Duration)}; {@code batched} says whether the replay up to the head goes through BatchedReplay
     * or through the processor alone (the read models are the same either way: ProjectionReplayTest).
     */
    public BatchedReplay.Outcome rebuild(Duration timeout, boolean batched) {
        TrackingEventProcessor processor = progress.processor();
        long target = head();
        log.info("Rebuilding read models of {} up to global index {}", LedgerProcessing.CORE, target);
        processor.shutDown();
        processor.resetTokens(); // runs the projections' reset handlers on this thread
        replay.reset();
        BatchedReplay.Outcome outcome = new BatchedReplay.Outcome(0, -1, false);
        if (batched) {
            try {
                outcome = this.batched.replayTo(target); // what it did not apply, the processor applies from its tokens
            } catch (RuntimeException e) {
                log.warn("Batched replay of {} stopped ({}); the processor replays the rest", LedgerProcessing.CORE,
                        e.toString());
            }
        }
        processor.start();
        // The processor's status still shows the run before the reset for a moment: count what was replayed.
        // Then every segment must have passed the target: the replay counter is the furthest segment's.
        waitFor(() -> replay.position() >= target && progress.reachedOnEverySegment(target),
                "the replay did not reach global index " + target, timeout);
        log.info("Rebuild of {} done", LedgerProcessing.CORE);
        return outcome;
    }
}
