package budgetledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The event chain, in two steps so that appends do not wait for one another. In the append's transaction every
 * event gets a seal: the hash of its stored columns alone ({@link ChainHash} over an empty predecessor), written
 * without any lock (by the event's own INSERT when the engine appends with {@link #appendSealed}). Afterwards the linker ({@link #link()}, woken after each commit and run by verification and
 * checkpoints) folds sealed events into {@code event_chain} in global-index order under a transaction-scoped
 * advisory lock, one linker at a time across nodes, and deletes their seals in the same transaction. A row with
 * neither link nor seal was not written by the application; a sealed row whose content no longer matches its seal
 * is not linked (the linker stops before it and verification names it).
 */
public class EventChain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventChain.class);

    /** Arbitrary, fixed key of the advisory lock that serialises linking. */
    private static final long LOCK_KEY = 0x4275646765744cL;

    /** Seals linked per transaction; a long backlog (a bulk load) is linked in several. */
    private static final int LINK_BATCH = 5_000;

    /** The least time between two passes of the background linker. */
    private static final long LINGER_MILLIS = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final Object wakeUp = new Object();
    private boolean wanted;
    private volatile Thread linker;
    private volatile long lastReportedStop = -1;
    private final long intervalMillis;
    private final boolean background;
    private volatile boolean asyncCommits;

    /**
     * @param background     whether a background linker runs (off: links are made only when verification or a
     *                       checkpoint asks, e.g. to look at seals before they are linked)
     * @param intervalMillis how often the background linker looks for seals when no commit woke it (seals that
     *                       another node wrote)
     */
    public EventChain(JdbcTemplate jdbc, PlatformTransactionManager transactions, boolean background,
                      long intervalMillis) {
        this.jdbc = jdbc;
        this.background = background;
        this.intervalMillis = intervalMillis;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The seal of each event computed by PostgreSQL from the stored row, exactly as {@link ChainHash#of} computes it
     * over an empty predecessor: SHA-256 over each column length-prefixed (4 bytes, big-endian; -1 for null). In SQL
     * the payloads need not travel back to the application to be hashed.
     */
    private static final String SEAL_SQL;

    static {
        String[] texts = {"e.event_identifier", "e.aggregate_identifier", "e.sequence_number::text", "e.type",
                "e.time_stamp", "e.payload_type", "e.payload_revision"};
        StringBuilder fields = new StringBuilder("int4send(0)");
        for (String text : texts) {
            fields.append(" || ").append(field("convert_to(" + text + ", 'UTF8')"));
        }
        fields.append(" || ").append(field("e.payload")).append(" || ").append(field("e.meta_data"));
        // Each identifier looked up through its unique index (a lateral subquery), whatever the table's statistics
        // say: after a bulk load they lag behind, and a plain join or "= any(?)" was planned as a scan of the table.
        // The LIMIT keeps PostgreSQL from pulling the subquery up into such a join (one row per key anyway).
        SEAL_SQL = "insert into event_seal (global_index, event_identifier, hash) select e.global_index, "
                + "e.event_identifier, sha256(" + fields + ") from unnest(?::varchar[]) as i(id) cross join lateral "
                + "(select * from domain_event_entry d where d.event_identifier = i.id limit 1) e";
        SEALED_APPEND_SEAL = "insert into event_seal (global_index, event_identifier, hash) select e.global_index, "
                + "e.event_identifier, sha256(" + fields + ") from e";
    }

    /** The seal's INSERT over the rows a data-modifying WITH named {@code e} has just inserted (appendSealed). */
    private static final String SEALED_APPEND_SEAL;

    /** The identifiers of the events the current thread's last append sealed in its own statement (appendSealed). */
    private static final ThreadLocal<List<String>> SEALED_BY_APPEND = new ThreadLocal<>();

    /**
     * Axon's statement of an append (an AppendEventsStatementBuilder for its JDBC engine), with each event's seal
     * written by the event's own INSERT: {@code with e as (insert … returning *) insert into event_seal … from e}.
     * Issue 18: one statement per event instead of the INSERT and then the seal's own statement, which looked every
     * event up again; the seal is the same expression over the same stored row. The columns and their order are
     * Axon's ({@code JdbcEventStorageEngineStatements.appendEvents}).
     */
    public static PreparedStatement appendSealed(Connection connection, EventSchema schema, Class<?> dataType,
                                                 List<? extends EventMessage<?>> events, Serializer serializer,
                                                 TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("with e as (insert into "
                + schema.domainEventTable() + " (" + schema.domainEventFields() + ") values (?,?,?,?,?,?,?,?,?) "
                + "returning *) " + SEALED_APPEND_SEAL);
        List<String> sealed = new ArrayList<>(events.size());
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            statement.addBatch();
            sealed.add(event.getIdentifier());
        }
        SEALED_BY_APPEND.set(sealed);
        return statement;
    }

    private static String field(String bytes) {
        return "coalesce(int4send(length(" + bytes + ")) || " + bytes + ", int4send(-1))";
    }

    /**
     * The oldest seals with their events (none when deleted), each event looked up by its key (see SEAL_SQL). Issue
     * 18: without the LIMIT in the lateral subquery PostgreSQL joined it as a hash join over a scan of the whole
     * event table whenever its statistics were stale (10–14 ms per pass at 50,000 events, the costliest statement of
     * an acknowledged change in pg_stat_statements).
     */
    private static final String PENDING_SQL = "select s.global_index as sealed_index, s.hash as seal, "
            + StoredEvent.COLUMNS.replaceAll("(^|, )", "$1e.") + " from (select * from event_seal"
            + " order by global_index limit " + LINK_BATCH + ") s left join lateral (select * from domain_event_entry d"
            + " where d.global_index = s.global_index limit 1) e on true order by s.global_index";

    /** In the append's transaction: a seal for each event just written; the linker is woken once it commits. */
    void seal(List<? extends EventMessage<?>> events) {
        List<String> sealedByAppend = SEALED_BY_APPEND.get();
        SEALED_BY_APPEND.remove();
        if (events.isEmpty()) {
            return;
        }
        List<String> ids = events.stream().map(EventMessage::getIdentifier).toList();
        // Sealed by the append's own statement (appendSealed), which either wrote every seal or failed whole.
        if (!ids.equals(sealedByAppend)) {
            int sealed = jdbc.update(SEAL_SQL, (Object) ids.toArray(String[]::new));
            if (sealed != ids.size()) {
                throw new IllegalStateException("chain: " + ids.size() + " events appended but " + sealed + " sealed");
            }
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** As Axon stores an event that is not an aggregate's: its own identifier as the aggregate's, sequence 0. */
    private static <T> DomainEventMessage<T> asDomainEvent(EventMessage<T> event) {
        return event instanceof DomainEventMessage<T> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    /**
     * Links every event sealed and committed so far, waiting for another linker to finish first; returns how many
     * it linked. Stops before a sealed event whose row is gone or no longer matches its seal.
     */
    public long link() {
        long linked = 0;
        while (true) {
            Integer n = newTransaction.execute(status -> linkBatch(true, false));
            if (n == null || n < LINK_BATCH) {
                return linked + (n == null ? 0 : n);
            }
            linked += n;
        }
    }

    /** One linking transaction: at most LINK_BATCH seals; -1 when another linker holds the lock and we did not wait. */
    private int linkBatch(boolean waitForLock, boolean asyncCommit) {
        // Issue 18: event_seal is a queue (a row per event, deleted once linked), so its heap is mostly dead rows
        // until autovacuum comes round (at most once a minute), while its statistics say it is small or stale.
        // PostgreSQL then read the whole heap for the oldest seals and again for their deletion (pg_stat_statements
        // and auto_explain, path 1 on one thread: a Seq Scan over 300-550 pages for 26-100 live rows, 0.26 ms of
        // the 0.87 ms the database spent per change). Through the primary key it reads only the live rows and the
        // dead index entries at the queue's head, which the first scan marks dead for the next.
        if (asyncCommit) {
            // Issue 18: one durable commit per acknowledged change, the event's with its seal. Links are derived
            // from the seals and commit without waiting for the disk: visible at once, on disk a moment later
            // (wal_writer_delay) or with the next commit that waits, since WAL is flushed in order (so a checkpoint's
            // commit makes the links it names durable). A crash in between loses such a commit whole, links with
            // the deletion of their seals, and they are linked again. Links asked for by verification and
            // checkpoints commit as usual.
            jdbc.execute("set local synchronous_commit = off; set local enable_seqscan = off");
        } else {
            jdbc.execute("set local enable_seqscan = off");
        }
        if (waitForLock) {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, LOCK_KEY);
        } else if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY))) {
            return -1;
        }
        // A prepared statement, so that the connection keeps its plan (a statement without parameters gets a generic
        // plan at once): sent as a plain one it was planned on every pass, 0.15 ms each (pg_stat_statements). Only
        // ever run here, after enable_seqscan = off, so the plan kept is the one through the keys.
        List<Sealed> pending = jdbc.query(connection -> connection.prepareStatement(PENDING_SQL),
                (rs, n) -> new Sealed(rs.getLong("sealed_index"), rs.getBytes("seal"),
                        rs.getString("event_identifier") == null ? null : StoredEvent.ROW.mapRow(rs, n)));
        if (pending.isEmpty()) {
            return 0;
        }
        Head head = head();
        long position = head.position();
        byte[] previous = head.hash();
        List<Object[]> links = new ArrayList<>(pending.size());
        List<Object[]> done = new ArrayList<>(pending.size());
        for (Sealed sealed : pending) {
            if (sealed.event() == null || !ChainHash.matchesSeal(sealed.seal(), sealed.event())) {
                if (lastReportedStop != sealed.globalIndex()) {
                    lastReportedStop = sealed.globalIndex();
                    log.error("event chain: the event at global index {} was {} after it was written; it is not linked, "
                            + "and neither is any event after it, until it is restored (run verify for details)",
                            sealed.globalIndex(), sealed.event() == null ? "deleted" : "changed");
                }
                break;
            }
            position++;
            previous = ChainHash.of(previous, sealed.event());
            links.add(new Object[] {position, sealed.globalIndex(), sealed.event().eventIdentifier(), previous});
            done.add(new Object[] {sealed.globalIndex()});
        }
        if (!links.isEmpty()) {
            jdbc.batchUpdate("insert into event_chain (position, global_index, event_identifier, hash) values (?, ?, ?, ?)",
                    links);
            jdbc.update("delete from event_seal where global_index = any(?)",
                    (Object) done.stream().map(d -> (Long) d[0]).toArray(Long[]::new));
        }
        // A stop before the end of a full batch must not look like "more to do" to link()'s loop.
        return links.size() < pending.size() ? 0 : links.size();
    }

    /** Whether the background linker commits without waiting for the disk (see DerivedCommits). */
    public void asyncCommits(boolean async) {
        this.asyncCommits = async;
    }

    /** The last link: its position (0 before the first) and hash. */
    Head head() {
        return jdbc.query("select position, hash from event_chain order by position desc limit 1",
                        (rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .stream().findFirst().orElse(new Head(0, ChainHash.GENESIS));
    }

    // The background linker ---------------------------------------------------------------------------------------

    private void wake() {
        synchronized (wakeUp) {
            wanted = true;
            wakeUp.notifyAll();
        }
    }

    /**
     * Starts the background linker: it links whenever an append commits (many appends in one pass under load) and
     * every {@code intervalMillis} anyway (seals another node wrote while this node's linker held the lock).
     */
    @Override
    public synchronized void start() {
        if (linker != null || !background) {
            return;
        }
        Thread thread = new Thread(this::run, "event-chain-linker");
        thread.setDaemon(true);
        linker = thread;
        thread.start();
    }

    @Override
    public boolean isRunning() {
        return linker != null;
    }

    @Override
    public synchronized void stop() {
        Thread thread = linker;
        linker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (linker == Thread.currentThread()) {
            try {
                synchronized (wakeUp) {
                    if (!wanted) {
                        wakeUp.wait(intervalMillis);
                    }
                    wanted = false;
                }
                while (true) {
                    Integer n = newTransaction.execute(status -> linkBatch(false, asyncCommits));
                    if (n == null || n < LINK_BATCH) {
                        break;
                    }
                }
                // Under load a pass per commit would add a commit per command: let seals gather for a moment.
                Thread.sleep(LINGER_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be away (an outage): the seals wait, and the next pass links them.
                log.warn("event chain: linking failed, will retry: {}", e.toString());
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    record Head(long position, byte[] hash) {
    }

    private record Sealed(long globalIndex, byte[] seal, StoredEvent event) {
    }
}
