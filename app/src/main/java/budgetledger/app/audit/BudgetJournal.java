package budgetledger.app.audit;

import budgetledger.command.BudgetRuleException;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import org.axonframework.messaging.MetaData;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One budget's events as stored, in order, with their position, time, payload and metadata read back. Events
 * never change once appended, so the budgets read last are kept in memory and only their newer events are
 * read on the next call: an auditor moving through dates of a long budget pays for the reading once. (The
 * verification reads the store itself and finds any change made behind the application's back.)
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
    static final int CACHED_BUDGETS = 4;

    /** The storage engine writes payload and metadata with the event serializer. */
    private final Serializer events;
    private final Map<String, List<Entry>> cache = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Entry>> eldest) {
            return size() > CACHED_BUDGETS;
        }
    };

    public BudgetJournal(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every event of the budget in sequence order; a budget without events is unknown (404). */
    public List<Entry> entries(String budgetId) {
        List<Entry> known;
        synchronized (cache) {
            known = cache.getOrDefault(budgetId, List.of());
        }
        long after = known.isEmpty() ? -1 : known.get(known.size() - 1).sequence();
        Map<String, ObjectReader> readers = new HashMap<>();
        List<Entry> stored = jdbc.query("select global_index, sequence_number, time_stamp, payload_type, "
                        + "payload_revision, payload, meta_data from domain_event_entry where aggregate_identifier = ? "
                        + "and sequence_number > ? order by sequence_number",
                (rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)),
                        payload(readers, rs.getString(4), rs.getString(5), rs.getBytes(6)),
                        new LazyMetaData(rs.getBytes(7))),
                budgetId, after);
        List<Entry> newer = expanded(stored);
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
     * The payload read with Jackson directly, one reader per payload type for the whole read (Axon's serializer
     * looks the class up and builds a reader for every event: most of a first as-of call on a long budget); with
     * another serializer, or a type Jackson's reader cannot take, through the serializer as before.
     */
    private Object payload(Map<String, ObjectReader> readers, String type, String revision, byte[] bytes) {
        if (events instanceof JacksonSerializer jackson) {
            ObjectReader reader = readers.computeIfAbsent(type + "#" + revision, key -> {
                Class<?> target = events.classForType(new SimpleSerializedType(type, revision));
                return UnknownSerializedType.class.equals(target) ? null : jackson.getObjectMapper().readerFor(target);
            });
            if (reader != null) {
                try {
                    return reader.readValue(bytes);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("journal: payload of type " + type + " unreadable", e);
                }
            }
        }
        return events.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, new SimpleSerializedType(type, revision)));
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
