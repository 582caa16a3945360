package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import budgetledger.projections.ReplayProgress;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A replay of the ledger-core processor (a rebuild) applies only events the journal holds now. Axon's embedded event
 * store keeps the newest events it has read in memory (up to 10,000) and serves a stream that reaches its end from
 * there; a row deleted from {@code domain_event_entry} after it was read (a forged row found by verification and
 * removed by an operator) was still served from memory, so the rebuild meant to mend the read models put it back
 * (AuditTest, a forged row). One query per replayed batch asks which of its global indexes the journal holds; an
 * event it lacks is passed over, counted for ReplayProgress, and logged. Live processing is not checked: an event
 * deleted after it was applied is what verification finds, and a rebuild is what mends it.
 */
@Configuration(proxyBeanMethods = false)
public class ReplayReadsTheJournal extends PassOver {

    private static final Logger log = LoggerFactory.getLogger(ReplayReadsTheJournal.class);
    private static final String RESOURCE = ReplayReadsTheJournal.class.getName();

    private final JdbcTemplate jdbc;

    public ReplayReadsTheJournal(JdbcTemplate jdbc, ReplayProgress replay) {
        super(replay);
        this.jdbc = jdbc;
    }

    @Override
    boolean passesOver(BatchingUnitOfWork<?> batch, EventMessage<?> event) {
        OptionalLong index = replayedIndex(event);
        if (index.isPresent()
                && !batch.getOrComputeResource(RESOURCE, key -> heldOf(batch.getMessages())).contains(index.getAsLong())) {
            log.warn("Replay of {}: the event at global index {} ({}) is no longer in the journal; passed over",
                    LedgerProcessing.CORE, index.getAsLong(), event.getIdentifier());
            return true;
        }
        return false;
    }

    /** The global index of a replayed event; empty for an event outside a replay. */
    private static OptionalLong replayedIndex(Message<?> message) {
        return message instanceof TrackedEventMessage<?> tracked && ReplayToken.isReplay(tracked)
                ? tracked.trackingToken().position() : OptionalLong.empty();
    }

    /** The global indexes of the batch's replayed events that the journal holds (an index is never used twice). */
    private Set<Long> heldOf(List<? extends Message<?>> messages) {
        Long[] indexes = messages.stream().map(ReplayReadsTheJournal::replayedIndex)
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toArray(Long[]::new);
        Set<Long> held = new HashSet<>();
        jdbc.query("select global_index from domain_event_entry where global_index = any(?)",
                rs -> {
                    held.add(rs.getLong(1));
                }, (Object) indexes);
        return held;
    }
}
