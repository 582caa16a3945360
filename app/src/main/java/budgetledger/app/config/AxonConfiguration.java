package budgetledger.app.config;

import budgetledger.audit.ChangeMetadata;
import budgetledger.audit.EventChain;
import budgetledger.security.ActorMetadata;
import budgetledger.command.CommandFingerprint;
import budgetledger.disclosure.Template;
import budgetledger.events.schema.EventSerializer;
import budgetledger.events.schema.EventUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.Primary;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import budgetledger.command.CommandTargets;
import budgetledger.projections.ProcessorDemand;
import budgetledger.events.schema.StoredTimestamps;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.SerializedObject;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Axon on PostgreSQL: the JDBC event store and token store on the tables Flyway creates (snake_case names),
 * snapshots and a cache for the DepartmentBudget aggregate so that a long-lived budget is not re-read on every
 * command.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * The serializers of what Axon stores and sends, each with its own ObjectMapper (EventSerializer): the web
     * layer's settings (application.yml's spring.jackson) never reach the stored JSON.
     */
    @Bean
    @Primary
    Serializer serializer() {
        return EventSerializer.create();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return EventSerializer.create();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return EventSerializer.create();
    }

    /**
     * The one upcaster chain: the event store reads through it, and so do history, as-of and verification
     * (StoredEvents). A published table's unit, which revision 1 of DisclosureRecorded left to the template, comes
     * from the template of its number and title.
     */
    @Bean
    EventUpcasterChain eventUpcasters() {
        return EventUpcasters.chain((number, title) -> Template.forTable(number, title).table(number).unit());
    }

    /**
     * Axon's JDBC storage engine as Boot would configure it, with a larger fetch batch: a tracking processor's batch
     * ends where a fetch ends, so the default of 100 (about 50 per segment) made a replay commit every 50 events.
     * Each event's seal of the chain is written by the event's own INSERT (EventChain.appendSealed).
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer snapshotSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EventUpcasterChain eventUpcasters,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${budget-ledger.event-store.fetch-batch-size:1000}") int batchSize,
                                          @Value("${budget-ledger.event-store.head-fetch-interval-ms:10}")
                                          long headFetchIntervalMillis,
                                          @Value("${budget-ledger.event-store.head-fetch-idle-interval-ms:100}")
                                          long headFetchIdleIntervalMillis,
                                          ProcessorDemand processorDemand) {
        TailFetchPacing pacing = new TailFetchPacing(Duration.ofMillis(headFetchIntervalMillis),
                Duration.ofMillis(headFetchIdleIntervalMillis));
        processorDemand.listen(pacing::demand);
        return new TimestampReadingEngine(pacing,
                JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(eventUpcasters)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .appendEvents(EventChain::appendSealed)
                .batchSize(batchSize));
    }

    /**
     * Axon's JDBC engine, with each event's {@code time_stamp} written and read by StoredTimestamps: Axon keeps it as
     * text and parses it with a DateTimeFormatter on each call of getTimestamp(), a fifth of the processor threads'
     * CPU in a rebuild (issue 18). Everything else of the row is Axon's own entry.
     */
    static final class TimestampReadingEngine extends JdbcEventStorageEngine {

        /** Axon's defaults, given to the builder and kept here, where a tracked event's token is made. */
        static final int MAX_GAP_OFFSET = 10_000;
        static final long LOWEST_GLOBAL_SEQUENCE = 1;
        static final int GAP_TIMEOUT_MILLIS = 60_000;

        private volatile int gapTimeoutMillis = GAP_TIMEOUT_MILLIS;
        private final TailFetchPacing pacing;

        TimestampReadingEngine(TailFetchPacing pacing, JdbcEventStorageEngine.Builder builder) {
            super(builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                    .gapTimeout(GAP_TIMEOUT_MILLIS));
            this.pacing = pacing;
        }

        /** Axon's fetch of tracked events, paced at the head of the stream (TailFetchPacing). */
        @Override
        protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
            long began = pacing.beforeFetch();
            List<? extends TrackedEventData<?>> fetched = super.fetchTrackedEvents(lastToken, batchSize);
            pacing.fetched(began, fetched.size(), batchSize);
            return fetched;
        }

        @Override
        public void setGapTimeout(int gapTimeout) {
            super.setGapTimeout(gapTimeout);
            this.gapTimeoutMillis = gapTimeout;
        }

        /** Axon's text for the instant (StoredTimestamps.format), without Axon's DateTimeFormatter on every append. */
        @Override
        protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp)
                throws SQLException {
            statement.setString(position, StoredTimestamps.format(timestamp));
        }

        /**
         * Axon's entry and token for a row (JdbcEventStorageEngine.getTrackedEventData, step for step), with the
         * instant parsed once: Axon's own method parses it to decide whether gaps before the event may still fill,
         * and cannot be handed the instant (issue 18: 8% of the event store's reading thread in path 1).
         */
        @Override
        protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
                throws SQLException {
            EventSchema schema = schema();
            long globalSequence = resultSet.getLong(schema.globalIndexColumn());
            String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
            String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
            Object storedTimestamp = readTimeStamp(resultSet, schema.timestampColumn());
            GenericDomainEventEntry<?> entry = new GenericDomainEventEntry<>(
                    resultSet.getString(schema.typeColumn()),
                    eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                    resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier, storedTimestamp,
                    resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                    readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
            Instant timestamp = storedTimestamp instanceof CharSequence text ? StoredTimestamps.parse(text)
                    : entry.getTimestamp();
            boolean allowGaps = timestamp.isAfter(
                    GenericEventMessage.clock.instant().minus(gapTimeoutMillis, ChronoUnit.MILLIS));
            GapAwareTrackingToken token;
            if (previousToken == null) {
                token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                        .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet());
            } else {
                token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
            }
            return new TrackedDomainEventData<>(token, new TimedEventData<>(entry, timestamp));
        }

        @Override
        protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
            return timed(super.getDomainEventData(resultSet), resultSet);
        }

        private <T> DomainEventData<T> timed(DomainEventData<T> entry, ResultSet resultSet) throws SQLException {
            return new TimedEventData<>(entry,
                    StoredTimestamps.parse(resultSet.getString(schema().timestampColumn())));
        }
    }

    /** An event row whose instant was read once. */
    record TimedEventData<T>(DomainEventData<T> entry, Instant timestamp) implements DomainEventData<T> {

        @Override
        public String getType() {
            return entry.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return entry.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return entry.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return entry.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return entry.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return entry.getPayload();
        }
    }

    /**
     * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in the cause chain, batch entries
     * included, so that Axon reports a taken budget id or a racing append as such rather than a storage failure.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                    if ("23505".equals(sql.getSQLState())) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /**
     * Axon copies a command's metadata onto the events it causes only through these providers: its own trace
     * and correlation ids (declared here because declaring any provider replaces Axon's default), and who sent the
     * command from where (ActorMetadata), and the 文号, reason and command id of the change (ChangeMetadata).
     * Only commands are asked: event handlers here send nothing on, and asking an event would deserialise its
     * metadata for every event a projection handles (a fifth of a replay's time).
     */
    @Bean
    CorrelationDataProvider originCorrelation() {
        return commandsOnly(new MessageOriginProvider());
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return commandsOnly(new SimpleCorrelationDataProvider(ActorMetadata.ACTOR, ActorMetadata.SOURCE,
                ChangeMetadata.DOCUMENT_NO, ChangeMetadata.REASON, ChangeMetadata.COMMAND_ID, CommandFingerprint.KEY));
    }

    private static CorrelationDataProvider commandsOnly(CorrelationDataProvider provider) {
        return message -> message instanceof CommandMessage<?> ? provider.correlationDataFor(message) : Map.of();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Snapshots are taken on a thread of their own: taking one re-reads and replays the budget's events since the
     * last, which on the command's thread made every 250th change (and every import) wait for it.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory,
                                                    @Qualifier("snapshotExecutor") Executor snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "snapshotter");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    SnapshotTriggerDefinition departmentBudgetSnapshotTrigger(
            Snapshotter snapshotter, @Value("${budget-ledger.snapshot-threshold:1000}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Which budget a command is for, as Axon's annotation resolver says, with each command type read once. */
    @Bean
    CommandTargetResolver commandTargets() {
        return new CommandTargets();
    }

    /**
     * Axon's command bus as Boot configures it, without a transaction around each command (issue 18). A command reads
     * its budget without one (from the cache, or its snapshot and events), and its events are written, with their
     * seals and lines, in one transaction the storage engine opens: the group commit's, shared with the commands
     * appending at the same moment (ChainingEventStorageEngine, GroupCommit). A transaction per command would hold a
     * connection while the command waits for the group, and the writer could find the pool empty.
     */
    @Bean
    SimpleCommandBus commandBus(org.axonframework.config.Configuration configuration,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(NoTransactionManager.INSTANCE)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(configuration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(configuration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return bus;
    }

    /**
     * The command gateway, sending a command that lost a race for its budget (ConcurrencyException) again, up to
     * {@code budget-ledger.concurrency-retries} times: two nodes, or two threads, changing one budget at once.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConcurrencyRetryScheduler retryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
    }

    @Bean(destroyMethod = "close")
    ConcurrencyRetryScheduler concurrencyRetryScheduler(
            @Value("${budget-ledger.concurrency-retries:5}") int retries) {
        return new ConcurrencyRetryScheduler(retries, 20);
    }

    /**
     * The budgets last used, kept on the heap: a weak-reference cache lost them at every garbage collection, so a
     * busy budget was read back from its snapshot every few commands. Axon reads the events a cached budget lacks
     * (another node's) before each command, so the cache is never stale.
     */
    @Bean(destroyMethod = "close")
    CacheManager departmentBudgetCacheManager(@Value("${budget-ledger.aggregate-cache-size:1000}") int size) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("departmentBudgets", CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        Object.class, Object.class, ResourcePoolsBuilder.heap(size)))
                .build(true);
    }

    @Bean
    Cache departmentBudgetCache(CacheManager departmentBudgetCacheManager) {
        return new EhCache3Adapter((org.ehcache.core.Ehcache<Object, Object>)
                departmentBudgetCacheManager.getCache("departmentBudgets", Object.class, Object.class));
    }
}
