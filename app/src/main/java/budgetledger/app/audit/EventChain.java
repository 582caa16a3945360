package budgetledger.app.audit;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends links to the event chain for events just written, in the same transaction. A transaction-scoped
 * advisory lock makes appends take their turn, so that each link's predecessor is the link committed before it.
 */
public class EventChain {

    /** Arbitrary, fixed key of the advisory lock that serialises chain appends. */
    private static final long LOCK_KEY = 0x4275646765744cL;

    private final JdbcTemplate jdbc;

    public EventChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, LOCK_KEY);
        Head head = head();
        String[] ids = events.stream().map(EventMessage::getIdentifier).toArray(String[]::new);
        // A join on the unnested identifiers, not "event_identifier = any(?)": with the table's statistics behind
        // (a bulk load), the planner may scan the table and compare every row with every identifier.
        List<StoredEvent> stored = jdbc.query("select " + StoredEvent.COLUMNS.replaceAll("(^|, )", "$1e.")
                + " from unnest(?::varchar[]) as i(id) join domain_event_entry e on e.event_identifier = i.id"
                + " order by e.global_index", StoredEvent.ROW, (Object) ids);
        if (stored.size() != ids.length) {
            throw new IllegalStateException("chain: " + ids.length + " events appended but " + stored.size() + " found");
        }
        long position = head.position();
        byte[] previous = head.hash();
        List<Object[]> links = new ArrayList<>(stored.size());
        for (StoredEvent event : stored) {
            position++;
            previous = ChainHash.of(previous, event);
            links.add(new Object[] {position, event.globalIndex(), event.eventIdentifier(), previous});
        }
        jdbc.batchUpdate("insert into event_chain (position, global_index, event_identifier, hash) values (?, ?, ?, ?)",
                links);
    }

    /** The last link: its position (0 before the first) and hash. */
    Head head() {
        return jdbc.query("select position, hash from event_chain order by position desc limit 1",
                        (rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .stream().findFirst().orElse(new Head(0, ChainHash.GENESIS));
    }

    record Head(long position, byte[] hash) {
    }
}
