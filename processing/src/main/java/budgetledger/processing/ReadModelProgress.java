package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How far the read models have come: whether the ledger-core processor has handled every event up to a position. */
@Component
public class ReadModelProgress {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public ReadModelProgress(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    TrackingEventProcessor processor() {
        return processing.eventProcessor(LedgerProcessing.CORE, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + LedgerProcessing.CORE));
    }

    /** How the processor assigns events to segments (Axon's default: per aggregate). */
    SequencingPolicy<? super EventMessage<?>> sequencingPolicy() {
        return processing.sequencingPolicy(LedgerProcessing.CORE);
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

    /**
     * Like {@link #reached}, and this node holds every segment of the processor (a rebuild runs on one node): a
     * segment not yet claimed again after a restart of the processor would otherwise go uncounted.
     */
    public boolean reachedOnEverySegment(long globalIndex) {
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, LedgerProcessing.CORE);
        return processor().processingStatus().size() >= (segments == null ? 1 : segments) && reached(globalIndex);
    }
}
