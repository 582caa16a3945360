package budgetledger.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Issue 18: the appends of concurrent commands committed together. PostgreSQL's cost per change is mostly what it
 * pays per statement and per commit (bench/group-commit/probe.py: 0.49 ms of its CPU per change one at a time, 0.10
 * in groups of 8).
 * <p>
 * Leader and followers, as PostgreSQL's own WAL flush: an append joins the queue; when fewer than {@code leaders}
 * groups are being written, the thread whose append waits longest takes the queue (at most {@code maxGroup} appends)
 * and writes it in one transaction on its own thread ({@code write} gets the appends in order), while the appends
 * that arrive meanwhile queue for the next group. Alone, an append is written by its own thread at once: no hand-over.
 * <p>
 * A group commits whole or is rolled back whole; then each of its appends is written again alone, in a transaction of
 * its own, so that each gets its own outcome: the one that failed (a ConcurrencyException, a rule of the database)
 * fails its own command only. An append returns once its transaction has committed, so a command is acknowledged only
 * for what is on disk, as before.
 *
 * @param <T> what one append writes
 */
public class GroupCommit<T> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionTemplate newTransaction;
    private final Consumer<List<T>> write;
    private final int leaders;
    private final int maxGroup;
    private final ArrayDeque<Append<T>> queue = new ArrayDeque<>();
    private int leading;
    private long groups;
    private long appends;

    /**
     * @param write    writes the appends of a group, in order, in the current transaction
     * @param leaders  the most groups written at once (each on a connection of its own)
     * @param maxGroup the most appends one group takes
     */
    public GroupCommit(PlatformTransactionManager transactions, Consumer<List<T>> write, int leaders, int maxGroup) {
        if (leaders < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("leaders and maxGroup must be at least 1");
        }
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.write = write;
        this.leaders = leaders;
        this.maxGroup = maxGroup;
    }

    /**
     * Writes the append with those queued beside it and returns once it is committed; throws what writing it alone
     * threw (nothing of it is then written).
     */
    public void commit(T what) {
        Append<T> append = new Append<>(what, Thread.currentThread());
        List<Append<T>> group = null;
        boolean interrupted = false;
        synchronized (this) {
            queue.add(append);
        }
        // Wait until written by another's group, or until this append is the oldest and a leader's place is free.
        // Each waiting thread is woken for itself only (LockSupport): when its append is done, or when it is the
        // oldest and a place may be free. Issue 18: notifyAll woke every waiting command three times per group, and
        // each went back to sleep; with 8 threads that was several context switches per change for nothing.
        while (true) {
            synchronized (this) {
                if (append.done) {
                    break;
                }
                if (leading < leaders && queue.peek() == append) {
                    leading++;
                    group = new ArrayList<>(Math.min(queue.size(), maxGroup));
                    while (group.size() < maxGroup && !queue.isEmpty()) {
                        group.add(queue.poll());
                    }
                    groups++;
                    appends += group.size();
                    wakeOldest(); // the next oldest may lead too, if a place is free
                    break;
                }
            }
            LockSupport.park(this);
            // The append may be in a group being written: its outcome is waited for, and the interrupt kept.
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (group != null) {
            try {
                writeGroup(group);
            } finally {
                synchronized (this) {
                    leading--;
                    wakeOldest();
                }
            }
        }
        append.rethrow();
    }

    /** Under the lock: wakes the oldest waiting append's thread if a leader's place is free for it. */
    private void wakeOldest() {
        Append<T> oldest = queue.peek();
        if (oldest != null && leading < leaders) {
            LockSupport.unpark(oldest.thread);
        }
    }

    private void writeGroup(List<Append<T>> group) {
        if (group.size() > 1) {
            try {
                newTransaction.executeWithoutResult(status -> write.accept(group.stream().map(a -> a.what).toList()));
                finish(group, null);
                return;
            } catch (RuntimeException | Error e) {
                log.debug("a group of {} appends was rolled back ({}); writing each alone", group.size(), e.toString());
            }
        }
        for (Append<T> append : group) {
            try {
                newTransaction.executeWithoutResult(status -> write.accept(List.of(append.what)));
                finish(List.of(append), null);
            } catch (RuntimeException | Error e) {
                finish(List.of(append), e);
            }
        }
    }

    private void finish(List<Append<T>> written, Throwable failure) {
        synchronized (this) {
            for (Append<T> append : written) {
                append.failure = failure;
                append.done = true;
            }
        }
        for (Append<T> append : written) {
            if (append.thread != Thread.currentThread()) {
                LockSupport.unpark(append.thread);
            }
        }
    }

    /** Appends waiting for a group to take them. */
    public synchronized int queued() {
        return queue.size();
    }

    /** Groups written so far and the appends they took (appends per group, for the bench). */
    public synchronized long groups() {
        return groups;
    }

    public synchronized long appends() {
        return appends;
    }

    private static final class Append<T> {
        final T what;
        final Thread thread;
        boolean done;
        Throwable failure;

        Append(T what, Thread thread) {
            this.what = what;
            this.thread = thread;
        }

        void rethrow() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }
}
