package budgetledger.audit;

import budgetledger.events.schema.StoredTimestamps;
import budgetledger.command.BudgetRuleException;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One budget's events as stored, in order, with their position, time, payload and metadata read back. Events
 * never change once appended, so the budgets read last are kept in memory and only their newer events are
 * read on the next call: an auditor moving through dates of a long budget pays for the reading once. (The
 * verification reads the store itself and finds any change made behind the application's back.) Payloads are read
 * as the event store reads them, through the upcaster chain (StoredEvents); one that cannot be read stops the read.
 */
@Service
public class BudgetJournal {

    /** A stored event of a budget. {@code globalIndex} is its position in the whole store. */
    public record Entry(long globalIndex, long sequence, Instant time, Object payload, Map<String, Object> metadata) {

        public String type() {
            return payload.getClass().getSimpleName();
        }

        public String meta(String key) {
            Object value = metadata.get(key);
            return value == null ? null : value.toString();
        }
    }

    private final JdbcTemplate jdbc;
    /** How many budgets' events are kept in memory. */
    public static final int CACHED_BUDGETS = 4;

    /** The storage engine writes metadata with the event serializer. */
    private final Serializer events;
    private final StoredEvents storedEvents;
    private final Map<String, List<Entry>> cache = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Entry>> eldest) {
            return size() > CACHED_BUDGETS;
        }
    };

    public BudgetJournal(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer events,
                         StoredEvents storedEvents) {
        this.jdbc = jdbc;
        this.events = events;
        this.storedEvents = storedEvents;
    }

    /** Every event of the budget in sequence order; a budget without events is unknown (404). */
    public List<Entry> entries(String budgetId) {
        return entries(budgetId, null);
    }

    /**
     * The budget's events in sequence order, at least those up to a global position ({@code null}: all of them). A
     * budget's events are appended one after the other, so those up to a position are a prefix of its sequence: the
     * first call for a moment reads only that prefix (an as-of table in the middle of a long budget reads half of it),
     * and a later call reads on from where the kept entries end. A budget without events is unknown (404).
     */
    public List<Entry> entries(String budgetId, Long upToPosition) {
        List<Entry> known;
        synchronized (cache) {
            known = cache.getOrDefault(budgetId, List.of());
        }
        long after = known.isEmpty() ? -1 : known.get(known.size() - 1).sequence();
        if (upToPosition != null && !known.isEmpty() && known.get(known.size() - 1).globalIndex() >= upToPosition) {
            return known;
        }
        List<Entry> newer = read(budgetId, after, upToPosition);
        if (newer.isEmpty() && known.isEmpty() && upToPosition != null) {
            newer = read(budgetId, after, null); // nothing up to the moment: whether the budget exists at all
        }
        List<Entry> entries = known;
        if (!newer.isEmpty()) {
            entries = new java.util.ArrayList<>(known.size() + newer.size());
            entries.addAll(known);
            entries.addAll(newer);
            entries = java.util.Collections.unmodifiableList(entries);
            synchronized (cache) {
                cache.put(budgetId, entries);
            }
        }
        if (entries.isEmpty()) {
            throw BudgetRuleException.notFound("budgetId", "unknown-budget", "预算 " + budgetId + " 不存在");
        }
        return entries;
    }

    /**
     * The budget's events after a sequence (up to a position), read as rows first and their payloads then read on
     * every core through the upcaster chain and the event serializer (StoredEvents), expanded line by line.
     */
    private List<Entry> read(String budgetId, long after, Long upToPosition) {
        List<StoredEvent> rows = jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry "
                        + "where aggregate_identifier = ? and sequence_number > ? and global_index <= ? "
                        + "order by sequence_number",
                StoredEvent.ROW, budgetId, after, upToPosition == null ? Long.MAX_VALUE : upToPosition);
        StoredEvents.Reading reading = storedEvents.reading();
        List<Entry> stored = rows.parallelStream().flatMap(row -> {
            Instant time = StoredTimestamps.parse(row.timeStamp());
            LazyMetaData metadata = new LazyMetaData(row.metaData());
            return reading.payloads(row).stream()
                    .map(payload -> new Entry(row.globalIndex(), row.sequenceNumber(), time, payload, metadata));
        }).toList();
        return expanded(stored);
    }

    /**
     * A file's lines appropriated in one event ({@link BudgetLinesAppropriated}) as the entries of its lines, each a
     * {@link BudgetLineAppropriated} at the event's position, sequence, time and metadata: history, as-of tables and
     * differences read every line as when each line was an event of its own.
     */
    private static List<Entry> expanded(List<Entry> stored) {
        if (stored.stream().noneMatch(e -> e.payload() instanceof BudgetLinesAppropriated)) {
            return stored;
        }
        List<Entry> entries = new java.util.ArrayList<>(stored.size());
        for (Entry entry : stored) {
            if (entry.payload() instanceof BudgetLinesAppropriated file) {
                for (BudgetLineAppropriated line : file.lines()) {
                    entries.add(new Entry(entry.globalIndex(), entry.sequence(), entry.time(), line, entry.metadata()));
                }
            } else {
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * An event's metadata, deserialised when first asked for: an as-of table reads only payloads, the history reads
     * both.
     */
    private final class LazyMetaData extends AbstractMap<String, Object> {

        private final byte[] bytes;
        private volatile Map<String, Object> read;

        LazyMetaData(byte[] bytes) {
            this.bytes = bytes;
        }

        private Map<String, Object> read() {
            Map<String, Object> map = read;
            if (map == null) {
                map = bytes == null ? Map.of() : events.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                        new SimpleSerializedType(MetaData.class.getName(), null)));
                read = map;
            }
            return map;
        }

        @Override
        public Object get(Object key) {
            return read().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return read().containsKey(key);
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return read().entrySet();
        }
    }
}
