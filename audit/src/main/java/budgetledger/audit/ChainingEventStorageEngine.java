package budgetledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Axon's storage engine, with a seal of the event chain written for every event it appends (see EventChain), and what
 * is written with the events in their transaction (LinesInCommandTransaction's lines), in one transaction: the
 * caller's when it has one; else the group commit's (GroupCommit), with the appends of other commands beside it; else
 * one of its own.
 */
public class ChainingEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final EventChain chain;
    private final Consumer<List<List<? extends EventMessage<?>>>> writtenWith;
    private final GroupCommit<List<? extends EventMessage<?>>> group;
    private final TransactionTemplate newTransaction;

    /**
     * @param writtenWith  what is written with the events of the appends committed together (each a command's), in
     *                     their transaction, after them
     * @param groupLeaders how many groups of appends are written at once (GroupCommit); 0 commits each append alone
     */
    public ChainingEventStorageEngine(EventStorageEngine delegate, EventChain chain,
                                      Consumer<List<List<? extends EventMessage<?>>>> writtenWith,
                                      PlatformTransactionManager transactions, int groupLeaders) {
        this.delegate = delegate;
        this.chain = chain;
        this.writtenWith = writtenWith;
        this.newTransaction = new TransactionTemplate(transactions);
        this.group = groupLeaders > 0 ? new GroupCommit<>(transactions, this::write, groupLeaders, MAX_GROUP) : null;
    }

    /** The most appends one group takes: more than the commands a node runs at once in practice. */
    static final int MAX_GROUP = 64;

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write(List.of(events));
        } else if (group != null) {
            group.commit(events);
        } else {
            newTransaction.executeWithoutResult(status -> write(List.of(events)));
        }
    }

    /**
     * The appends' events in one batch of Axon's (one round trip; each event's INSERT writes its seal), then what is
     * written with them.
     */
    private void write(List<List<? extends EventMessage<?>>> appends) {
        List<? extends EventMessage<?>> events = appends.size() == 1 ? appends.get(0)
                : appends.stream().<EventMessage<?>>flatMap(List::stream).toList();
        delegate.appendEvents(events);
        chain.seal(events);
        writtenWith.accept(appends);
    }

    /** The group commit, or empty when each append commits alone. */
    public Optional<GroupCommit<List<? extends EventMessage<?>>>> groupCommit() {
        return Optional.ofNullable(group);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
