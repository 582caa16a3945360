package budgetledger.app.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when, and only when, it lost a race for its budget: a ConcurrencyException, because
 * another thread or another node appended the same sequence number first, or because this node decided on a
 * cached aggregate that another node had moved on from (the failed unit of work evicts the cache entry, so the
 * retry decides on the events in the store). The retry carries the same commandId and metadata; a command that
 * had in fact been recorded returns its earlier receipt. A broken rule, a missing budget or a lost database is
 * answered at once. After {@code maxRetries} the client gets 409 concurrent-change and may retry.
 */
public final class ConcurrencyRetryScheduler implements RetryScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final int maxRetries;
    private final long intervalMillis;

    public ConcurrencyRetryScheduler(int maxRetries, long intervalMillis) {
        this.maxRetries = maxRetries;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > maxRetries || !lostRace(lastFailure)) {
            return false;
        }
        long delay = intervalMillis * failures.size() + ThreadLocalRandom.current().nextLong(intervalMillis + 1);
        log.debug("{} lost a race for its aggregate, retry {} in {} ms", commandMessage.getCommandName(),
                failures.size(), delay);
        try {
            executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
