package budgetledger.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the read models of this node have come since they were last reset: the highest global position of
 * an event reached, whether handled, passed over or parked (the processor's PassOver counts each event of its batches
 * before it is handled; BatchedReplay's batches reach this handler). A rebuild resets it (the reset handler runs on the resetting thread, before the processor
 * starts again) and then knows for certain when the replay has passed a position, which the processor's own
 * status, still showing the run before the reset for a moment, does not tell.
 */
@Component
@ProcessingGroup(LedgerProcessing.CORE)
public class ReplayProgress {

    private final AtomicLong position = new AtomicLong(-1);

    @EventHandler
    void on(Object event, TrackingToken token) {
        passed(token);
    }

    /** An event at {@code token} reached: handled, passed over (PassOver) or parked in the dead-letter queue. */
    public void passed(TrackingToken token) {
        token.position().ifPresent(p -> position.accumulateAndGet(p, Math::max));
    }

    @ResetHandler
    void reset() {
        position.set(-1);
    }

    /** The highest global position handled since the last reset (or start), -1 before any. */
    public long position() {
        return position.get();
    }
}
