package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The dead-letter queue of the ledger-core projections: Axon's JDBC sequenced queue in {@code dead_letter_entry}
 * (Flyway V10), sequenced per budget (Axon's default policy: the aggregate). An event a handler cannot apply is
 * parked with its cause instead of stopping the processor, and the budget's later events queue behind it; other
 * budgets go on. See DeadLetters for what is shown and retried, docs/OPERATIONS.md for how.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    /** Bounds of the queue: budgets parked at once, and events parked behind one budget's first. */
    static final int MAX_SEQUENCES = 1024;
    static final int MAX_SEQUENCE_SIZE = 10_000;

    @Autowired
    void ledgerCoreDeadLetters(EventProcessingConfigurer processing, ConnectionProvider connections,
                               TransactionManager transactions) {
        processing.registerDeadLetterQueue(LedgerProcessing.CORE, config -> JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(LedgerProcessing.CORE)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(DeadLetterSchema.builder().deadLetterTable("dead_letter_entry").build())
                .genericSerializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                .maxSequences(MAX_SEQUENCES)
                .maxSequenceSize(MAX_SEQUENCE_SIZE)
                .build());
        // A rebuild resets the processor and replays every event: what was parked is applied again then, so the
        // queue is emptied with the reset (else the replay would park every event of a parked budget once more).
        // Issue 18: without the sequence cache every event handled asked the queue whether its budget was parked
        // (one SELECT COUNT(*) per event, in every batch and replay). With it, a segment that found the queue empty
        // when it was claimed asks only for the budgets it parked itself since; else it remembers the last 1,024
        // budgets it found unparked (Axon's default: the list is searched linearly). It is kept per segment and
        // dropped when the segment is released; a letter retried or evicted by an operator (DeadLetters) only
        // leaves the budget marked as parked, which costs a query, never a wrong answer.
        processing.registerDeadLetteringEventHandlerInvokerConfiguration(LedgerProcessing.CORE,
                (config, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
    }
}
