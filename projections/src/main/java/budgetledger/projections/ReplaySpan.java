package budgetledger.projections;

import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The batches of a rebuild's replay between two of its checkpoints, all in one transaction (BatchedReplay). A
 * projection may hold its writes here instead of writing them with each batch; they are written at the checkpoint,
 * in the same transaction, before the segment's token. Issue 18, path 3: the line read model wrote each line's amount
 * once per batch of 1,000 events, and a budget's history adjusts the same lines over and over (in the benchmark's
 * store 800,000 row updates per replay of 1,000,000 events, two thirds of PostgreSQL's time); held over a span, each
 * line is written once, and a line appropriated within the span is inserted with its last amount.
 */
public final class ReplaySpan {

    private static final String RESOURCE = ReplaySpan.class.getName();

    /** What a projection holds over a span: written at the checkpoint, weighed to bound the span. */
    public interface Held {
        void write();

        /** The rows held, which the replay keeps under its checkpoint's bound. */
        int size();
    }

    private final Map<String, Held> held = new LinkedHashMap<>();

    /** Makes this span the one a batch's projections hold their writes in. */
    public void enter(UnitOfWork<?> batch) {
        batch.root().resources().put(RESOURCE, this);
    }

    /** The span a batch belongs to, if it is part of a replay's span. */
    static Optional<ReplaySpan> of(UnitOfWork<?> batch) {
        return Optional.ofNullable((ReplaySpan) batch.root().getResource(RESOURCE));
    }

    /** A projection's held writes for this span, made at its first use. */
    @SuppressWarnings("unchecked")
    <T extends Held> T held(String key, Supplier<T> create) {
        return (T) held.computeIfAbsent(key, k -> create.get());
    }

    /** Rows held by every projection. */
    public int size() {
        return held.values().stream().mapToInt(Held::size).sum();
    }

    /** Writes what every projection held, in the order they first held something; the span is then empty. */
    public void write() {
        for (Held writes : held.values()) {
            writes.write();
        }
        held.clear();
    }
}
