package budgetledger.app.config;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * How often a reader at the head of the event stream may ask the database again (issue 18). Axon's event store
 * wakes its one reader on every commit of this node, and the reader fetches until a fetch comes back empty, which
 * then also asks for the lowest index ahead (the extended gap check); the processor then commits one batch per
 * fetch. At a few hundred changes a second that was one to three queries and a processor transaction per change,
 * a third of PostgreSQL's work on the HTTP path, all for batches of one or two events.
 * <p>
 * Here a fetch that follows one that came back short of a full batch (the reader is at the head) waits until
 * {@code interval} has passed since that fetch began, so that the events committed meanwhile come in one fetch and
 * one processor batch. A reader that is behind (a rebuild, a replay: full batches) never waits, nor does the first
 * fetch after a quiet spell. What it costs: the processor's read models lag the commits by up to the interval
 * more. Acknowledged changes to lines do not wait for them (their rows are written in the command's transaction);
 * a write that does wait for the processor waits up to the interval longer.
 * <p>
 * When nothing has {@link #demand demanded} the processor since the fetch before that short one began, the wait
 * is {@code idle} instead: every event committed on this node in that time was written to the read models by its
 * own command, so the processor's batch would only pass them over and store its token (per change, most of the
 * processor's and the reader's work in path 1 of the bench). A demand (ProcessorDemand: a command whose events its
 * transaction did not write, a write waiting for the processor) cuts a wait in progress short to {@code interval}.
 * Why since the fetch before the last and not the last: the fetch that brings the events wanted is followed at once
 * by another, before they are handled (a processor reading on its own asks for more to fill its batch), and with the
 * idle wait that second fetch held the batch back. Events another node committed that no one here waits for are
 * read at most {@code idle} late.
 * <p>
 * Per thread: each reading thread (Axon's shared reader, a processor reading on its own) keeps its own pace.
 */
final class TailFetchPacing {

    private static final long NEVER = Long.MIN_VALUE;

    private final long intervalNanos;
    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final LongConsumer sleeper;
    /** Demands so far; a reader compares it with the count when its fetch before the last began. */
    private final AtomicLong demands = new AtomicLong();
    /** The readers waiting now, woken by a demand. */
    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
    /**
     * This thread's pace: when its last fetch began if it came back short of a full batch (NEVER otherwise); the
     * demands counted when the fetch before the last began, when the last began, and when the one under way began.
     */
    private final ThreadLocal<long[]> pace = ThreadLocal.withInitial(() -> new long[]{NEVER, 0, 0, 0});

    TailFetchPacing(Duration interval, Duration idle) {
        this(interval, idle, System::nanoTime, LockSupport::parkNanos);
    }

    TailFetchPacing(Duration interval, Duration idle, LongSupplier nanoClock, LongConsumer sleeper) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval between fetches at the head may not be negative: "
                    + interval);
        }
        if (idle.compareTo(interval) < 0) {
            throw new IllegalArgumentException("the interval between fetches at the head when the processor is not "
                    + "wanted (" + idle + ") may not be shorter than the interval when it is (" + interval + ")");
        }
        this.intervalNanos = interval.toNanos();
        this.idleNanos = idle.toNanos();
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /**
     * Called before a fetch: waits out the rest of the interval (or of the idle interval, until a demand) when the
     * thread's last fetch was short. Returns when this fetch begins, to be handed to {@link #fetched}.
     */
    long beforeFetch() {
        long[] mine = pace.get();
        long last = mine[0];
        long now = nanoClock.getAsLong();
        if (last != NEVER && idleNanos > 0) {
            Thread self = Thread.currentThread();
            // Listed before the demands are read: a demand after the read unparks this thread, so its park returns.
            waiting.add(self);
            try {
                while (true) {
                    long deadline = last + (demands.get() != mine[1] ? intervalNanos : idleNanos);
                    // An interrupted thread's park returns at once: it fetches now, and its caller sees the interrupt.
                    if (now >= deadline || self.isInterrupted()) {
                        break;
                    }
                    sleeper.accept(deadline - now);
                    now = nanoClock.getAsLong();
                }
            } finally {
                waiting.remove(self);
            }
        }
        mine[3] = demands.get();
        return now;
    }

    /** Called after a fetch that began at {@code began}: whether it was short decides whether the next one waits. */
    void fetched(long began, int fetched, int batchSize) {
        long[] mine = pace.get();
        mine[0] = fetched < batchSize ? began : NEVER;
        mine[1] = mine[2];
        mine[2] = mine[3];
    }

    /**
     * The processor is wanted: the next two fetches of every reader wait only the interval, a wait under way too.
     */
    void demand() {
        demands.incrementAndGet();
        for (Thread reader : waiting) {
            LockSupport.unpark(reader);
        }
    }
}
