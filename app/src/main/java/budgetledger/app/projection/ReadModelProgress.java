package budgetledger.app.projection;

import budgetledger.projections.LedgerProcessing;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.stereotype.Component;

/** How far the read models have come: whether the ledger-core processor has handled every event up to a position. */
@Component
public class ReadModelProgress {

    private final EventProcessingConfiguration processing;

    public ReadModelProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    TrackingEventProcessor processor() {
        return processing.eventProcessor(LedgerProcessing.CORE, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + LedgerProcessing.CORE));
    }

    /** Every segment's token at or past {@code globalIndex} (the 'replaying' flag lags behind, so compare positions). */
    public boolean reached(long globalIndex) {
        if (globalIndex < 0) {
            return true;
        }
        var status = processor().processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.getCurrentPosition().orElse(-1) < globalIndex) {
                return false;
            }
        }
        return true;
    }
}
