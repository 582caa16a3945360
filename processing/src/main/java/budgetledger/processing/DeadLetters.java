package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ledger-core projections could not apply: Axon's JDBC sequenced dead-letter queue, one sequence per budget
 * (AxonConfiguration). An event whose handler failed is parked there with its cause, and so is every later event of
 * the same budget (their order matters); other budgets go on. The health check and the auditors' endpoint show what
 * is parked and why; a retry, after the cause is fixed, applies the parked events in order.
 */
@Component("ledgerProcessing")
public class DeadLetters implements HealthIndicator {

    /** At most this many sequences are listed and retried at once. */
    static final int MAX_LISTED = 100;

    private final EventProcessingConfiguration processing;
    private final ReadModelProgress progress;

    public DeadLetters(EventProcessingConfiguration processing, ReadModelProgress progress) {
        this.processing = processing;
        this.progress = progress;
    }

    public record Parked(String budgetId, long events, String eventType, Long aggregateSequence, String cause,
                         Instant enqueuedAt) {
    }

    public record Retry(int retried, long stillParked) {
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(LedgerProcessing.CORE)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + LedgerProcessing.CORE));
    }

    public long size() {
        return queue().size();
    }

    /** Every parked budget (at most MAX_LISTED) with its count and the first event's type and cause. */
    public List<Parked> parked() {
        List<Parked> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue().deadLetters()) {
            if (parked.size() >= MAX_LISTED) {
                break;
            }
            DeadLetter<? extends EventMessage<?>> first = null;
            long count = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                first = first == null ? letter : first;
                count++;
            }
            if (first == null) {
                continue;
            }
            EventMessage<?> message = first.message();
            DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
            parked.add(new Parked(domain == null ? null : domain.getAggregateIdentifier(), count,
                    message.getPayloadType().getSimpleName(), domain == null ? null : domain.getSequenceNumber(),
                    first.cause().map(c -> c.type() + ": " + c.message()).orElse(null), first.enqueuedAt()));
        }
        return parked;
    }

    /** Applies the parked events again, sequence by sequence; a sequence that fails again stays parked. */
    public Retry retry() {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(LedgerProcessing.CORE)
                .orElseThrow(() -> new IllegalStateException("no dead-letter processor for " + LedgerProcessing.CORE));
        int retried = 0;
        long sequences = queue().amountOfSequences();
        // Each call takes one sequence not claimed now; a sequence that fails again is put back and not taken twice
        // within its claim, so at most as many calls as sequences.
        for (long i = 0; i < Math.min(sequences, MAX_LISTED) && processor.processAny(); i++) {
            retried++;
        }
        return new Retry(retried, queue().size());
    }

    @Override
    public Health health() {
        boolean failing = progress.processor().processingStatus().values().stream().anyMatch(s -> s.isErrorState());
        long parked = size();
        Health.Builder health = failing ? Health.down() : Health.up();
        health.withDetail("parkedEvents", parked);
        if (parked > 0) {
            health.withDetail("parked", parked().stream().limit(10).toList());
        }
        if (failing) {
            health.withDetail("error", "a segment of " + LedgerProcessing.CORE + " is failing and retrying");
        }
        return health.build();
    }
}
