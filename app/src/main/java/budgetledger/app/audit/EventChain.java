package budgetledger.app.audit;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

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
        List<StoredEvent> stored = jdbc.query("select " + StoredEvent.COLUMNS
                + " from domain_event_entry where event_identifier = any(?) order by global_index",
                StoredEvent.ROW, (Object) ids);
        if (stored.size() != ids.length) {
            throw new IllegalStateException("chain: " + ids.length + " events appended but " + stored.size() + " found");
        }
        long position = head.position();
        byte[] previous = head.hash();
        for (StoredEvent event : stored) {
            position++;
            previous = ChainHash.of(previous, event);
            jdbc.update("insert into event_chain (position, global_index, event_identifier, hash) values (?, ?, ?, ?)",
                    position, event.globalIndex(), event.eventIdentifier(), previous);
        }
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
