package budgetledger.bench;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The peer baseline of issue 18: the same adjustment on a bare Axon aggregate with the same kind of event store (Axon's
 * JDBC engine, Jackson, the application's connections and transactions, an aggregate cache on the heap) but without
 * the ledger's guarantees: no hash chain, no projections, no read-your-writes, no command checks beyond the overdraft.
 * Its events go to tables of their own ({@code peer_event_entry}), so the ledger's processors and chain never see them.
 */
final class PeerBaseline implements AutoCloseable {

    record OpenPeer(@TargetAggregateIdentifier String budgetId, int lines, long openingFen) {
    }

    record AdjustPeer(@TargetAggregateIdentifier String budgetId, String lineId, long amountFen) {
    }

    record PeerOpened(String budgetId, int lines, long openingFen) {
    }

    record PeerAdjusted(String budgetId, String lineId, long amountFen, long amountAfterFen) {
    }

    /** One budget: its lines' amounts; an adjustment may not take a line below zero. */
    public static class PeerBudget {

        @AggregateIdentifier
        private String budgetId;
        private final Map<String, Long> amounts = new HashMap<>();

        public PeerBudget() {
        }

        @CommandHandler
        public PeerBudget(OpenPeer command) {
            apply(new PeerOpened(command.budgetId(), command.lines(), command.openingFen()));
        }

        @CommandHandler
        public long handle(AdjustPeer command) {
            Long amount = amounts.get(command.lineId());
            if (amount == null) {
                throw new IllegalArgumentException("no line " + command.lineId());
            }
            long after = Math.addExact(amount, command.amountFen());
            if (after < 0) {
                throw new IllegalArgumentException("overdraft");
            }
            apply(new PeerAdjusted(command.budgetId(), command.lineId(), command.amountFen(), after));
            return after;
        }

        @EventSourcingHandler
        void on(PeerOpened event) {
            budgetId = event.budgetId();
            for (int i = 1; i <= event.lines(); i++) {
                amounts.put("L" + i, event.openingFen());
            }
        }

        @EventSourcingHandler
        void on(PeerAdjusted event) {
            amounts.put(event.lineId(), event.amountAfterFen());
        }
    }

    static final String DDL = """
            create table peer_event_entry (
                global_index bigserial primary key, event_identifier varchar(255) not null unique,
                aggregate_identifier varchar(255) not null, sequence_number bigint not null, type varchar(255),
                time_stamp varchar(255) not null, payload_type varchar(255) not null, payload_revision varchar(255),
                payload bytea not null, meta_data bytea, unique (aggregate_identifier, sequence_number));
            create table peer_snapshot_event_entry (
                aggregate_identifier varchar(255) not null, sequence_number bigint not null, type varchar(255) not null,
                event_identifier varchar(255) not null unique, time_stamp varchar(255) not null,
                payload_type varchar(255) not null, payload_revision varchar(255), payload bytea not null,
                meta_data bytea, primary key (aggregate_identifier, sequence_number))""";

    private final CacheManager cacheManager;
    private final Configuration axon;

    PeerBaseline(ConnectionProvider connections, TransactionManager transactions) {
        cacheManager = CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("peer", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(1_000)))
                .build(true);
        @SuppressWarnings("unchecked")
        Cache cache = new EhCache3Adapter((org.ehcache.core.Ehcache<Object, Object>)
                cacheManager.getCache("peer", Object.class, Object.class));
        EventSchema schema = EventSchema.builder().eventTable("peer_event_entry")
                .snapshotTable("peer_snapshot_event_entry").globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier").aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number").typeColumn("type").timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision").payloadColumn("payload")
                .metaDataColumn("meta_data").build();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureTransactionManager(c -> transactions)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEventSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .eventSerializer(c.eventSerializer())
                        .snapshotSerializer(c.serializer())
                        .batchSize(1_000)
                        .build())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(PeerBudget.class)
                        .configureCache(c -> cache))
                .buildConfiguration();
        axon.start();
    }

    CommandGateway commands() {
        return axon.commandGateway();
    }

    @Override
    public void close() {
        axon.shutdown();
        cacheManager.close();
    }
}
