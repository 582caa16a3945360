package budgetledger.audit;

import budgetledger.processing.ReadModelProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Verification of the event store: walks the chain in append order recomputing each link's hash, finds events
 * outside the chain, recomputes every line's amount from the journal and compares it with the read model. Payloads
 * are read through the upcaster chain and the event serializer (StoredEvents); one that cannot be read is reported. Also
 * takes checkpoints (position and hash of the chain's head) for auditors to keep.
 */
@Service
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);

    private final JdbcTemplate jdbc;
    private final EventChain chain;
    private final StoredEvents storedEvents;
    private final ReadModelProgress progress;

    public AuditService(JdbcTemplate jdbc, EventChain chain, StoredEvents storedEvents, ReadModelProgress progress) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.storedEvents = storedEvents;
        this.progress = progress;
    }

    public record Checkpoint(long position, String hash, Instant takenAt) {
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        chain.link(); // in its own transaction: everything committed so far is linked, or stops at a changed row
        long events = count("select count(*) from domain_event_entry");
        EventChain.Head head = chain.head();
        String headHash = hex(head.hash());
        Long forged = jdbc.queryForObject("""
                select min(e.global_index) from domain_event_entry e
                where not exists (select 1 from event_chain c where c.global_index = e.global_index)
                  and not exists (select 1 from event_seal s where s.global_index = e.global_index)""",
                Long.class);
        long forgedPosition = forged == null ? Long.MAX_VALUE
                : count("select count(*) from event_chain where global_index < ?", forged) + 1;

        byte[][] previous = {ChainHash.GENESIS};
        long[] expected = {1};
        JournalBalances balances = new JournalBalances();
        StoredEvents.Reading reading = storedEvents.reading();
        Verification[] found = {null};
        jdbc.query("select c.position, c.global_index as chained_index, c.event_identifier as chained_id, c.hash, e.* "
                + "from event_chain c left join domain_event_entry e on e.event_identifier = c.event_identifier "
                + "order by c.position", rs -> {
            if (found[0] != null) {
                return;
            }
            long position = rs.getLong("position");
            long chainedIndex = rs.getLong("chained_index");
            if (position >= forgedPosition) {
                found[0] = Verification.bad(events, head.position(), headHash, forgedPosition, forged,
                        "全局序号 " + forged + " 的事件不在哈希链中：它不是由本系统写入的");
                return;
            }
            if (position != expected[0]) {
                found[0] = Verification.bad(events, head.position(), headHash, expected[0], null,
                        "哈希链缺少第 " + expected[0] + " 环");
                return;
            }
            expected[0]++;
            if (rs.getString("event_identifier") == null) {
                found[0] = Verification.bad(events, head.position(), headHash, position, chainedIndex,
                        "第 " + position + " 环的事件（全局序号 " + chainedIndex + "）已被删除");
                return;
            }
            StoredEvent event = StoredEvent.ROW.mapRow(rs, 0);
            byte[] hash = ChainHash.of(previous[0], event);
            if (event.globalIndex() != chainedIndex || !java.util.Arrays.equals(hash, rs.getBytes("hash"))) {
                found[0] = Verification.bad(events, head.position(), headHash, position, event.globalIndex(),
                        "第 " + position + " 环的事件（全局序号 " + event.globalIndex() + "，" + event.aggregateIdentifier()
                                + " #" + event.sequenceNumber() + "）在写入后被改动");
                return;
            }
            previous[0] = hash;
            String problem;
            try {
                problem = null;
                for (Object payload : reading.payloads(event)) {
                    problem = problem != null ? problem : balances.apply(payload);
                }
            } catch (StoredEvents.UnreadableEventException e) {
                log.error("Verification: {}", e.getMessage(), e);
                problem = "全局序号 " + event.globalIndex() + " 的事件（" + event.aggregateIdentifier() + " #"
                        + event.sequenceNumber() + "，" + event.payloadType() + "）无法读取："
                        + e.getCause().getMessage();
            }
            if (problem != null) {
                found[0] = Verification.bad(events, head.position(), headHash, position, event.globalIndex(),
                        "第 " + position + " 环：" + problem);
            }
        });
        if (found[0] != null) {
            return found[0];
        }
        if (forged != null) {
            return Verification.bad(events, head.position(), headHash, forgedPosition, forged,
                    "全局序号 " + forged + " 的事件不在哈希链中：它不是由本系统写入的");
        }
        Verification pending = pendingSeals(events, head, headHash);
        if (pending != null) {
            return pending;
        }
        // The read models are compared only once they have handled every event and every event is linked (the
        // balances cover linked events only); while they catch up they lag.
        Long lastIndex = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        boolean allLinked = count("select count(*) from event_seal") == 0;
        String readModel = allLinked && progress.reached(lastIndex == null ? -1 : lastIndex)
                ? compareReadModel(balances.amounts()) : null;
        if (readModel != null) {
            return Verification.bad(events, head.position(), headHash, head.position(), null, readModel);
        }
        return Verification.ok(events, head.position(), headHash);
    }

    /**
     * Events sealed but not linked yet (appended while this verification ran, or held back by the linker because
     * they changed): each must still match its seal, and still be there.
     */
    private Verification pendingSeals(long events, EventChain.Head head, String headHash) {
        Verification[] found = {null};
        jdbc.query("select s.global_index as sealed_index, s.hash as seal, e.* from event_seal s "
                + "left join domain_event_entry e on e.global_index = s.global_index order by s.global_index", rs -> {
            if (found[0] != null) {
                return;
            }
            long index = rs.getLong("sealed_index");
            if (rs.getString("event_identifier") == null) {
                found[0] = Verification.bad(events, head.position(), headHash, head.position() + 1, index,
                        "全局序号 " + index + " 的事件（已写入、尚未入链）已被删除");
                return;
            }
            StoredEvent event = StoredEvent.ROW.mapRow(rs, 0);
            if (!ChainHash.matchesSeal(rs.getBytes("seal"), event)) {
                found[0] = Verification.bad(events, head.position(), headHash, head.position() + 1, index,
                        "全局序号 " + index + " 的事件（" + event.aggregateIdentifier() + " #" + event.sequenceNumber()
                                + "，已写入、尚未入链）在写入后被改动");
            }
        });
        return found[0];
    }

    /** Whether the chain still has {@code hash} at {@code position}, as a checkpoint taken then said. */
    @Transactional(readOnly = true)
    public boolean matchesCheckpoint(long position, String hash) {
        return jdbc.query("select hash from event_chain where position = ?", (rs, n) -> hex(rs.getBytes(1)), position)
                .stream().anyMatch(hash::equalsIgnoreCase);
    }

    /** The chain's head as a checkpoint, kept in audit_checkpoint. */
    @Transactional
    public Checkpoint checkpoint() {
        chain.link();
        EventChain.Head head = chain.head();
        Instant now = Instant.now();
        jdbc.update("insert into audit_checkpoint (position, hash, taken_at) values (?, ?, ?) "
                + "on conflict (position) do nothing", head.position(), head.hash(), java.sql.Timestamp.from(now));
        return jdbc.query("select position, hash, taken_at from audit_checkpoint where position = ?",
                (rs, n) -> new Checkpoint(rs.getLong(1), hex(rs.getBytes(2)), rs.getTimestamp(3).toInstant()),
                head.position()).stream().findFirst().orElse(new Checkpoint(head.position(), hex(head.hash()), now));
    }

    public List<Checkpoint> checkpoints() {
        return jdbc.query("select position, hash, taken_at from audit_checkpoint order by position",
                (rs, n) -> new Checkpoint(rs.getLong(1), hex(rs.getBytes(2)), rs.getTimestamp(3).toInstant()));
    }

    private String compareReadModel(Map<String, Long> journal) {
        List<String> problems = jdbc.query("select budget_id, line_id, amount_fen from budget_line order by budget_id, line_id",
                (rs, n) -> {
                    String key = JournalBalances.key(rs.getString(1), rs.getString(2));
                    Long expected = journal.get(key);
                    long actual = rs.getLong(3);
                    return expected == null ? "读模型中的预算行 " + key + " 在日志中不存在"
                            : expected != actual ? "读模型中预算行 " + key + " 为 " + actual + " 分，日志计算为 " + expected + " 分"
                            : null;
                }).stream().filter(java.util.Objects::nonNull).toList();
        return problems.isEmpty() ? null : problems.get(0);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
