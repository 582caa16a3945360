package budgetledger.processing;

import budgetledger.projections.LedgerProcessing;
import budgetledger.projections.LinesInCommandTransaction;
import budgetledger.projections.ProcessorDemand;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Read your writes: a write is acknowledged only once the read models show it. After its command committed, the
 * write looks up the position (global index) of its budget's latest event and whether the read models show the
 * budget up to it already (BudgetProgress: a change to lines is written in the command's own transaction when it
 * can be, LinesInCommandTransaction); if not, it waits, for a bounded while, until the segment of the
 * {@code ledger-core} processor that handles the budget has handled that event; then it answers 200/201, and any
 * read by anyone (API or console) reflects it. Past the bound it answers 202 with the position in
 * {@value #POSITION_HEADER}; {@code GET /api/read-models/positions/{position}} waits for it again.
 * <p>
 * Why the budget's latest event and not the store's head: a budget's events are appended one transaction after the
 * other (the unique key on its sequence numbers), so its latest committed event lies at or after ours, and once a
 * segment has fetched that one it has fetched ours. Why not "no gap below the head": a rolled-back append (a lost
 * race) leaves a gap that the token keeps for up to a minute, and the wait would run into its bound.
 * <p>
 * Why only the budget's segment (issue 18): the processor hands all of a budget's events to one segment (its
 * sequencing policy, per aggregate), so every row an event of the budget writes is written by that segment's batch;
 * the other segments write nothing the write changed. Waiting for them as well made every acknowledged change wait
 * for the slower of two batches, one of which only moved its token. A bare position (the positions endpoint) still
 * waits for every segment.
 */
@Component
public class ReadYourWrites {

    /** The header carrying the event position of a write's answer. */
    public static final String POSITION_HEADER = "Ledger-Position";

    /** The aggregate type of a budget's events (DepartmentBudget); the sequencing policy looks at the id only. */
    private static final String BUDGET_AGGREGATE = "DepartmentBudget";
    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LOCAL_PAUSE_MILLIS = 1;
    private static final long LONGEST_PAUSE_MILLIS = 20;

    private final ReadModelProgress progress;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final long timeoutMillis;
    private final LinesInCommandTransaction linesInCommand;
    private final ProcessorDemand processorDemand;

    public ReadYourWrites(ReadModelProgress progress, JdbcTemplate jdbc,
                          @Qualifier("serializer") Serializer tokenSerializer,
                          @Value("${budget-ledger.read-your-writes.timeout-ms:10000}") long timeoutMillis,
                          LinesInCommandTransaction linesInCommand, ProcessorDemand processorDemand) {
        this.progress = progress;
        this.linesInCommand = linesInCommand;
        this.processorDemand = processorDemand;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.timeoutMillis = timeoutMillis;
    }

    /** The answer to a write on a budget: 200/201 once the read models show it, else 202; both carry the position. */
    public <T> ResponseEntity<T> answer(String budgetId, HttpStatus status, URI location, T body) {
        Latest latest = latestOf(budgetId);
        return respond(awaitLatest(latest, budgetId) ? status : HttpStatus.ACCEPTED, latest.position(), location, body);
    }

    /**
     * The answer to a command's write whose last event has this sequence in the budget (its receipt's): when the
     * command's change was written in its own transaction and the budget has shown it since (LinesInCommandTransaction
     * remembers that after the commit), 200/201 at once with that change's position, without asking the database;
     * otherwise as {@link #answer(String, HttpStatus, URI, Object)}.
     */
    public <T> ResponseEntity<T> answer(String budgetId, long sequence, HttpStatus status, URI location, T body) {
        Optional<LinesInCommandTransaction.Shown> shown = shownInCommand(budgetId, sequence);
        if (shown.isEmpty()) {
            return answer(budgetId, status, location, body);
        }
        return respond(status, shown.get().position(), location, body);
    }

    private static <T> ResponseEntity<T> respond(HttpStatus status, long position, URI location, T body) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).header(POSITION_HEADER, Long.toString(position));
        if (location != null) {
            answer.location(location);
        }
        return answer.body(body);
    }

    /** As {@link #answer(String, long, HttpStatus, URI, Object)}, for a caller without HTTP: whether it is shown. */
    public boolean awaitWrite(String budgetId, long sequence) {
        return shownInCommand(budgetId, sequence).isPresent() || awaitBudget(budgetId);
    }

    private Optional<LinesInCommandTransaction.Shown> shownInCommand(String budgetId, long sequence) {
        return linesInCommand.newestShown(budgetId).filter(shown -> shown.sequence() >= sequence);
    }

    /** For the console: waits until the read models show every event of the budget committed so far. */
    public boolean awaitBudget(String budgetId) {
        return awaitLatest(latestOf(budgetId), budgetId);
    }

    /**
     * The budget's latest event: its global index (-1 when the budget has none), and whether the read models show
     * the budget up to it already (BudgetProgress: its change was written in the command's own transaction, or the
     * processor has applied it).
     */
    record Latest(long position, boolean shown) {
    }

    Latest latestOf(String budgetId) {
        List<Latest> latest = jdbc.query("""
                select e.global_index, coalesce(p.applied_sequence >= e.sequence_number, false) as shown
                from (select global_index, sequence_number from domain_event_entry where aggregate_identifier = ?
                      order by sequence_number desc limit 1) e
                left join budget_progress p on p.budget_id = ?""",
                (rs, n) -> new Latest(rs.getLong(1), rs.getBoolean(2)), budgetId, budgetId);
        return latest.isEmpty() ? new Latest(-1, true) : latest.get(0);
    }

    private boolean awaitLatest(Latest latest, String budgetId) {
        return latest.shown() || awaitPosition(latest.position(), budgetId);
    }

    /** Waits (at most the bound) until every segment has handled the event at this position; true when it has. */
    public boolean awaitPosition(long position) {
        return awaitPosition(position, segment -> true);
    }

    /** Waits (at most the bound) until the segment of this budget has handled its event at this position. */
    boolean awaitPosition(long position, String budgetId) {
        Object sequence = sequenceOf(budgetId);
        return awaitPosition(position, segment -> segment.matches(sequence));
    }

    /**
     * The sequence identifier the processor gives the budget's events (under Axon's default policy, per aggregate:
     * the budget id), asked of the processor's own policy so that the segment chosen here is the one it uses.
     */
    Object sequenceOf(String budgetId) {
        SequencingPolicy<? super EventMessage<?>> policy = progress.sequencingPolicy();
        Object sequence = policy.getSequenceIdentifierFor(
                new GenericDomainEventMessage<>(BUDGET_AGGREGATE, budgetId, 0, budgetId));
        return sequence == null ? budgetId : sequence;
    }

    private boolean awaitPosition(long position, Predicate<Segment> relevant) {
        if (position < 0) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        long pause = FIRST_PAUSE_MILLIS;
        while (!processed(position, relevant)) {
            // The event store's reader may be pacing itself at the head (nothing wanted the processor): a write waits
            // for it now. Asked again at every look, as the fetch that brings the event may not be the one that
            // fills the token's gap below it.
            processorDemand.signal();
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                // Every segment here: the check reads the processor's status in memory, so look again soon (a pause
                // that doubled to 20 ms made a waiting write wait ~30 ms for a batch that took a few). Segments on
                // other nodes: their tokens are read from the database, so back off.
                Thread.sleep(allSegmentsHere() ? LOCAL_PAUSE_MILLIS : pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
        return true;
    }

    /** Whether this node's processor holds every segment (its status alone answers {@link #processed}). */
    private boolean allSegmentsHere() {
        long whole = 0;
        for (EventTrackerStatus segment : progress.processor().processingStatus().values()) {
            whole += (1L << 32) / (segment.getSegment().getMask() + 1L);
        }
        return whole == 1L << 32;
    }

    /**
     * Whether every segment {@code relevant} accepts has handled the event at this position: from this node's
     * processor when it holds every segment (its status advances after a batch commits), else from the tokens stored
     * in token_entry, which commit together with the read models they describe (the segments other nodes hold).
     */
    private boolean processed(long position, Predicate<Segment> relevant) {
        Collection<EventTrackerStatus> here = progress.processor().processingStatus().values();
        long whole = 0;
        boolean allHere = true;
        for (EventTrackerStatus segment : here) {
            whole += (1L << 32) / (segment.getSegment().getMask() + 1L);
            if (relevant.test(segment.getSegment())) {
                allHere &= covers(segment.getTrackingToken(), position);
            }
        }
        if (whole == 1L << 32) {
            return allHere;
        }
        record Stored(int segment, TrackingToken token) {
        }
        List<Stored> stored = jdbc.query("select segment, token, token_type from token_entry where processor_name = ?",
                (rs, n) -> new Stored(rs.getInt("segment"), rs.getBytes("token") == null ? null
                        : new GenericTokenEntry<>(rs.getBytes("token"), rs.getString("token_type"), null, null,
                        LedgerProcessing.CORE, 0, byte[].class).getToken(tokenSerializer)),
                LedgerProcessing.CORE);
        if (stored.isEmpty()) {
            return false;
        }
        Segment[] segments = Segment.computeSegments(stored.stream().mapToInt(Stored::segment).toArray());
        for (Stored entry : stored) {
            Segment segment = Arrays.stream(segments).filter(s -> s.getSegmentId() == entry.segment()).findFirst()
                    .orElse(Segment.ROOT_SEGMENT);
            if (relevant.test(segment) && !covers(entry.token(), position)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a token has passed this position and it is not one of the gaps the token still waits for. */
    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        if (token instanceof ReplayToken replay) {
            return covers(replay.getCurrentToken(), position);
        }
        if (token instanceof MergedTrackingToken merged) {
            return covers(merged.lowerSegmentToken(), position) && covers(merged.upperSegmentToken(), position);
        }
        return token.position().orElse(-1) >= position;
    }
}
