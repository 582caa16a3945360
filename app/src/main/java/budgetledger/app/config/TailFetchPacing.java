package budgetledger.app.config;

import java.time.Duration;
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
 * Per thread: each reading thread (Axon's shared reader, a processor reading on its own) keeps its own pace.
 */
final class TailFetchPacing {

    private static final long NEVER = Long.MIN_VALUE;

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final LongConsumer sleeper;
    /** When this thread's last fetch began, if it came back short of a full batch; NEVER otherwise. */
    private final ThreadLocal<long[]> lastShortFetch = ThreadLocal.withInitial(() -> new long[]{NEVER});

    TailFetchPacing(Duration interval) {
        this(interval, System::nanoTime, LockSupport::parkNanos);
    }

    TailFetchPacing(Duration interval, LongSupplier nanoClock, LongConsumer sleeper) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval between fetches at the head may not be negative: "
                    + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /**
     * Called before a fetch: waits out the rest of the interval when the thread's last fetch was short. Returns when
     * this fetch begins, to be handed to {@link #fetched}.
     */
    long beforeFetch() {
        long last = lastShortFetch.get()[0];
        long now = nanoClock.getAsLong();
        if (last != NEVER && intervalNanos > 0) {
            long wait = last + intervalNanos - now;
            if (wait > 0) {
                sleeper.accept(wait);
                now = nanoClock.getAsLong();
            }
        }
        return now;
    }

    /** Called after a fetch that began at {@code began}: whether it was short decides whether the next one waits. */
    void fetched(long began, int fetched, int batchSize) {
        lastShortFetch.get()[0] = fetched < batchSize ? began : NEVER;
    }
}
