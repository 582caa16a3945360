package budgetledger.app.audit;

import budgetledger.command.BudgetRuleException;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        List<Entry> newer = jdbc.query("select global_index, sequence_number, time_stamp, payload_type, "
                        + "payload_revision, payload, meta_data from domain_event_entry where aggregate_identifier = ? "
                        + "and sequence_number > ? order by sequence_number",
                (rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)),
                        events.deserialize(new SimpleSerializedObject<>(rs.getBytes(6), byte[].class,
                                new SimpleSerializedType(rs.getString(4), rs.getString(5)))),
                        metadata(rs.getBytes(7))),
                budgetId, after);
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

    private Map<String, Object> metadata(byte[] bytes) {
        if (bytes == null) {
            return Map.of();
        }
        MetaData metaData = events.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                new SimpleSerializedType(MetaData.class.getName(), null)));
        return metaData;
    }
}
