package budgetledger.projections;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Someone needs the ledger-core processor to apply events soon: a command on this node committed events that its
 * own transaction did not write to the read models (LinesInCommandTransaction), or a write waits for the processor
 * (ReadYourWrites). Issue 18: at the head of the stream the event store's reader paces its fetches
 * (the app's TailFetchPacing); when every event since its last fetch was already written by its command, the
 * processor's batch would only pass them over and store its token, so the reader waits longer, and a demand cuts
 * that wait short.
 */
@Component
public class ProcessorDemand {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Tells every listener that the processor is wanted now. */
    public void signal() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    /** Called on every {@link #signal()} from then on. */
    public void listen(Runnable listener) {
        listeners.add(listener);
    }
}
