package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
                               TransactionManager transactions, ListableBeanFactory beans) {
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
        // dropped when the segment is released (SteadyInvoker passes the release on); a letter retried or evicted by
        // an operator (DeadLetters) only leaves the budget marked as parked, which costs a query, never a wrong answer.
        // The group's projections reach the invoker as one ProjectionDispatch (issue 18: Axon's per-event handler
        // resolution over every projection was a fifth of a rebuild), each wrapped by the builder as Axon would.
        processing.registerDeadLetteringEventHandlerInvokerConfiguration(LedgerProcessing.CORE,
                (config, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache()
                        .eventHandlers(List.of(new ProjectionDispatch(ledgerCoreProjections(beans).stream()
                                .<EventMessageHandler>map(invoker::wrapEventMessageHandler).toList()))));
    }

    /**
     * Axon's event processing module (Axon's Spring Boot starter makes one unless the application does), which hands
     * the ledger-core tracking processor its invoker as a {@link SteadyInvoker}. Everything else about the processor
     * (its token store, transactions, error handling, configuration from application.yml, interceptors) is built by
     * Axon as before. Static: this configuration's own methods are given the module.
     */
    @Bean
    static EventProcessingModule eventProcessingModule() {
        return new EventProcessingModule() {
            @Override
            protected EventProcessor trackingEventProcessor(String name, EventHandlerInvoker invoker,
                                                            TrackingEventProcessorConfiguration config,
                                                            StreamableMessageSource<TrackedEventMessage<?>> source) {
                return super.trackingEventProcessor(name,
                        LedgerProcessing.CORE.equals(name) ? new SteadyInvoker(invoker) : invoker, config, source);
            }
        };
    }

    /**
     * The beans Axon's Spring registrar assigns to the ledger-core group (their class carries
     * {@code @ProcessingGroup("ledger-core")} and has event handlers; ProjectionReplayTest compares them with a scan of
     * the classpath), in the order of their {@code @Order}, 0 when they have none, then of their definitions.
     * <p>
     * Why an order of our own: BudgetProgress must see an event after every other projection has applied it. If one
     * of them then fails, the event is parked, and Axon does not undo what the handlers before the failing one wrote
     * in the batch; a progress counted before the failure would claim the parked event is shown (DeadLetterTest).
     * BudgetProgress asks to come last ({@code @Order(LOWEST_PRECEDENCE)}). Axon's registrar gives every bean without
     * {@code @Order} the lowest precedence too and breaks ties in the iteration order of a hash map of bean names, so
     * with it the rule held by chance of the names.
     */
    static List<Object> ledgerCoreProjections(ListableBeanFactory beans) {
        List<Object> projections = new ArrayList<>();
        for (Object bean : beans.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            if (group != null && LedgerProcessing.CORE.equals(group.value())
                    && !MethodIntrospector.selectMethods(type, (ReflectionUtils.MethodFilter) method ->
                    AnnotatedElementUtils.hasAnnotation(method, EventHandler.class)).isEmpty()) {
                projections.add(bean);
            }
        }
        projections.sort(Comparator.comparingInt(bean -> OrderUtils.getOrder(AopUtils.getTargetClass(bean), 0)));
        return projections;
    }
}
