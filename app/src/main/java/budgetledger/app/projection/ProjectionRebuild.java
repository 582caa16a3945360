package budgetledger.app.projection;

import budgetledger.projections.LedgerProcessing;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;

/**
 * Rebuilds the read models from zero: stops the tracking processor, resets its tokens (the projections' reset
 * handlers empty their tables), starts it again and waits until it has caught up with the head of the event store
 * as it was when the rebuild began.
 */
@Service
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Rebuilds and returns once the read models hold every event up to the head; fails after {@code timeout}. */
    public void rebuild(Duration timeout) {
        TrackingEventProcessor processor = processing
                .eventProcessor(LedgerProcessing.CORE, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + LedgerProcessing.CORE));
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        log.info("Rebuilding read models of {} up to global index {}", LedgerProcessing.CORE, target);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        Instant deadline = Instant.now().plus(timeout);
        while (!caughtUp(processor, target)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("rebuild did not reach global index " + target + " within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild interrupted", e);
            }
        }
        log.info("Rebuild of {} done", LedgerProcessing.CORE);
    }

    /** Every segment's token at or past the target (the 'replaying' flag lags behind, so compare positions). */
    private static boolean caughtUp(TrackingEventProcessor processor, long target) {
        if (target < 0) {
            return true;
        }
        var status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.getCurrentPosition().orElse(-1) < target) {
                return false;
            }
        }
        return true;
    }
}
