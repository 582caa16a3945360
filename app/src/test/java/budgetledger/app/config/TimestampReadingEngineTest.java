package budgetledger.app.config;

import budgetledger.app.TestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's engine reads tracked events as Axon's own JdbcEventStorageEngine does — the same tokens (gaps
 * included), identifiers, aggregates, sequences, payloads and instants — over rows with gaps in the global index,
 * events older and younger than the gap timeout, and events outside any aggregate; only the instant is parsed once.
 */
class TimestampReadingEngineTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    @Test
    void tracked_events_and_their_tokens_are_axons_over_generated_stores() throws Exception {
        Random random = new Random(18);
        for (int store = 0; store < 8; store++) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            TestDatabase database = TestDatabase.create();
            dataSource.setUrl(database.url);
            dataSource.setUser(database.user);
            int batchSize = 1 + random.nextInt(6);
            JdbcEventStorageEngine axon = builder(dataSource, batchSize).build();
            // Paced as the application paces it: waiting at the head changes when a fetch runs, never what it reads.
            JdbcEventStorageEngine ledger = new AxonConfiguration.TimestampReadingEngine(
                    new TailFetchPacing(Duration.ofMillis(10), Duration.ofMillis(100)), builder(dataSource, batchSize));
            axon.createSchema(PostgresEventTableFactory.INSTANCE);
            List<Long> positions = fill(dataSource, random);

            List<String> fromStart = read(axon, null);
            assertThat(read(ledger, null)).as("store %d from the start", store).isEqualTo(fromStart)
                    .hasSize(positions.size());
            // From a token mid-way (with whatever gaps it carries), both read on alike.
            List<? extends TrackedEventMessage<?>> all = axon.readEvents(null, false).collect(Collectors.toList());
            TrackingToken middle = all.get(random.nextInt(all.size())).trackingToken();
            assertThat(read(ledger, middle)).as("store %d from %s", store, middle).isEqualTo(read(axon, middle));
        }
    }

    @Test
    void an_old_event_leaves_no_gaps_and_a_recent_one_keeps_them() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        TestDatabase database = TestDatabase.create();
        dataSource.setUrl(database.url);
        dataSource.setUser(database.user);
        JdbcEventStorageEngine ledger = new AxonConfiguration.TimestampReadingEngine(
                new TailFetchPacing(Duration.ZERO, Duration.ZERO), builder(dataSource, 10));
        ledger.createSchema(PostgresEventTableFactory.INSTANCE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        insert(dataSource, 3, "b-1", 0, now.minus(2, ChronoUnit.DAYS));
        insert(dataSource, 7, "b-1", 1, now);
        List<String> read = read(ledger, null);
        // Before the old event at 3, positions 1 and 2 can no longer fill; between 3 and 7 they still may.
        assertThat(read.get(0)).startsWith("GapAwareTrackingToken{index=3, gaps=[]}");
        assertThat(read.get(1)).startsWith("GapAwareTrackingToken{index=7, gaps=[4, 5, 6]}");
        assertThat(read.get(1)).contains("@" + now);
    }

    private static JdbcEventStorageEngine.Builder builder(PGSimpleDataSource dataSource, int batchSize) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER)
                .schema(new AxonConfiguration().eventSchema())
                .batchSize(batchSize);
    }

    /** Each event as one line: its token, identifier, aggregate and sequence, payload and instant. */
    private static List<String> read(JdbcEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).map(event -> event.trackingToken().toString()
                        + " " + event.getIdentifier() + " " + aggregate(event) + " " + event.getPayload()
                        + " @" + event.getTimestamp())
                .collect(Collectors.toList());
    }

    private static String aggregate(TrackedEventMessage<?> event) {
        return event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() + "#" + domain.getSequenceNumber() : "-";
    }

    /** 5 to 40 events at increasing positions with gaps, some old, some recent, some outside any aggregate. */
    private static List<Long> fill(PGSimpleDataSource dataSource, Random random) throws Exception {
        List<Long> positions = new ArrayList<>();
        long position = 1 + random.nextInt(3);
        int events = 5 + random.nextInt(36);
        int sequence = 0;
        Instant now = Instant.now();
        for (int i = 0; i < events; i++) {
            Instant at = random.nextBoolean() ? now.minusMillis(random.nextInt(50_000))
                    : now.minus(1 + random.nextInt(900), ChronoUnit.DAYS).plusNanos(random.nextInt(1_000_000_000));
            boolean generic = random.nextInt(5) == 0;
            insert(dataSource, position, generic ? null : "b-1", generic ? 0 : sequence++, at);
            positions.add(position);
            position += 1 + (random.nextInt(3) == 0 ? random.nextInt(20) : 0);
        }
        return positions;
    }

    private static void insert(PGSimpleDataSource dataSource, long position, String aggregate, long sequence,
                               Instant at) throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (global_index, "
                     + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                     + "payload_revision, payload, meta_data) values (?,?,?,?,?,?,?,?,?,?)")) {
            insert.setLong(1, position);
            insert.setString(2, id);
            // Axon stores an event outside any aggregate with its own identifier as the aggregate's.
            insert.setString(3, aggregate == null ? id : aggregate);
            insert.setLong(4, sequence);
            insert.setString(5, aggregate == null ? null : "DepartmentBudget");
            insert.setString(6, org.axonframework.common.DateTimeUtils.formatInstant(at));
            insert.setString(7, String.class.getName());
            insert.setString(8, null);
            insert.setBytes(9, ("\"event at " + position + "\"").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(10, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
