package budgetledger.projections;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the read models of this node have come since a rebuild reset them: the highest global position of an event
 * reached, whether handled, passed over or parked. The processor's PassOver counts each event of its batches before
 * it is handled; BatchedReplay counts each batch once it has committed. A rebuild resets it right after the tokens and
 * then knows for certain when the replay has passed a position, which the processor's own status, still showing the
 * run before the reset for a moment, does not tell. Not a projection: counting here as a handler of every event as
 * well had the processor call it for each event a second time.
 */
@Component
public class ReplayProgress {

    private final AtomicLong position = new AtomicLong(-1);

    /** An event at {@code token}, or every event up to it, reached. */
    public void passed(TrackingToken token) {
        token.position().ifPresent(p -> position.accumulateAndGet(p, Math::max));
    }

    /** Back to no event reached: a rebuild begins. */
    public void reset() {
        position.set(-1);
    }

    /** The highest global position reached since the last reset (or start), -1 before any. */
    public long position() {
        return position.get();
    }
}
