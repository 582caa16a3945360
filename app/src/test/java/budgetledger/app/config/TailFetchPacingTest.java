package budgetledger.app.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reader at the head of the stream asks again only once the interval since its last short fetch has passed (the
 * idle interval when nothing demanded the processor since that fetch began); a reader that is behind (full batches)
 * and the first fetch after a quiet spell never wait; a demand cuts an idle wait short. The clock and the sleep are
 * the test's, so nothing here depends on the machine's timing.
 */
class TailFetchPacingTest {

    private static final long MS = 1_000_000;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final List<Long> slept = new ArrayList<>();
    /** When a demand comes during the next sleep (null: none): the sleep ends then, as a park a demand unparks. */
    private Long demandAt;
    private final TailFetchPacing pacing = new TailFetchPacing(Duration.ofMillis(10), Duration.ofMillis(100),
            clock::get, this::sleep);

    private void sleep(long nanos) {
        slept.add(nanos);
        if (demandAt != null && demandAt < clock.get() + nanos) {
            clock.set(demandAt);
            demandAt = null;
            pacing.demand();
        } else {
            clock.addAndGet(nanos);
        }
    }

    @Test
    void a_fetch_after_a_short_one_waits_out_the_rest_of_the_idle_interval_when_nothing_wanted_the_processor() {
        long began = pacing.beforeFetch();
        assertThat(slept).as("the first fetch").isEmpty();
        pacing.fetched(began, 3, 1000);
        clock.addAndGet(4 * MS);

        long next = pacing.beforeFetch();
        assertThat(slept).containsExactly(96 * MS);
        assertThat(next).isEqualTo(began + 100 * MS);
    }

    @Test
    void a_fetch_after_a_short_one_waits_out_only_the_interval_when_the_processor_was_wanted_since() {
        long began = pacing.beforeFetch();
        pacing.demand(); // while the fetch runs: its query may not have seen the event
        pacing.fetched(began, 3, 1000);
        clock.addAndGet(4 * MS);

        long next = pacing.beforeFetch();
        assertThat(slept).containsExactly(6 * MS);
        assertThat(next).isEqualTo(began + 10 * MS);
    }

    @Test
    void a_demand_holds_for_the_fetch_that_brings_the_events_and_the_one_right_after_it_then_the_pace_is_idle() {
        pacing.demand();
        long first = pacing.beforeFetch(); // brings the events wanted
        pacing.fetched(first, 3, 1000);
        long second = pacing.beforeFetch(); // asked at once to fill the batch, before they are handled
        assertThat(slept).containsExactly(10 * MS);
        pacing.fetched(second, 0, 1000);
        long third = pacing.beforeFetch();
        assertThat(slept).containsExactly(10 * MS, 100 * MS);
        assertThat(third).isEqualTo(second + 100 * MS);
    }

    @Test
    void a_demand_during_an_idle_wait_cuts_it_short() {
        long began = pacing.beforeFetch();
        pacing.fetched(began, 3, 1000);
        clock.addAndGet(4 * MS);
        demandAt = began + 30 * MS;
        long next = pacing.beforeFetch();
        assertThat(slept).as("one wait, ended by the demand past the interval").containsExactly(96 * MS);
        assertThat(next).isEqualTo(began + 30 * MS);
    }

    @Test
    void a_demand_during_an_idle_wait_before_the_interval_has_passed_leaves_the_rest_of_the_interval() {
        long began = pacing.beforeFetch();
        pacing.fetched(began, 0, 1000);
        clock.addAndGet(MS);
        demandAt = began + 5 * MS;
        long next = pacing.beforeFetch();
        assertThat(slept).containsExactly(99 * MS, 5 * MS);
        assertThat(next).isEqualTo(began + 10 * MS);
    }

    @Test
    void a_fetch_after_a_full_batch_does_not_wait() {
        long began = pacing.beforeFetch();
        pacing.fetched(began, 1000, 1000);
        pacing.beforeFetch();
        assertThat(slept).as("a reader that is behind").isEmpty();
    }

    @Test
    void a_fetch_after_the_idle_interval_has_passed_does_not_wait() {
        long began = pacing.beforeFetch();
        pacing.fetched(began, 0, 1000);
        clock.addAndGet(125 * MS);
        pacing.beforeFetch();
        assertThat(slept).as("a fetch after a quiet spell").isEmpty();
    }

    @Test
    void the_pace_is_kept_per_thread() throws Exception {
        long began = pacing.beforeFetch();
        pacing.fetched(began, 1, 1000);
        Thread other = new Thread(pacing::beforeFetch);
        other.start();
        other.join();
        assertThat(slept).as("another reader's first fetch").isEmpty();
        pacing.beforeFetch();
        assertThat(slept).containsExactly(100 * MS);
    }

    @Test
    void a_demand_wakes_a_reader_parked_in_an_idle_wait() throws Exception {
        TailFetchPacing real = new TailFetchPacing(Duration.ZERO, Duration.ofHours(1));
        AtomicLong waited = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            real.fetched(real.beforeFetch(), 0, 1000);
            long start = System.nanoTime();
            real.beforeFetch(); // would wait an hour
            waited.set(System.nanoTime() - start);
        });
        reader.start();
        // Demands until the reader is through: one that comes before it parks is seen when it compares the counts.
        while (reader.isAlive()) {
            real.demand();
            reader.join(50);
        }
        assertThat(waited.get()).isBetween(0L, Duration.ofMinutes(1).toNanos());
    }

    @Test
    void an_interrupted_reader_fetches_at_once_instead_of_waiting() throws Exception {
        TailFetchPacing real = new TailFetchPacing(Duration.ZERO, Duration.ofHours(1));
        AtomicLong returned = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            real.fetched(real.beforeFetch(), 0, 1000);
            Thread.currentThread().interrupt();
            returned.set(real.beforeFetch()); // a park returns at once while interrupted: it must not go round again
        });
        reader.setDaemon(true);
        reader.start();
        reader.join(Duration.ofMinutes(1).toMillis());
        assertThat(reader.isAlive()).isFalse();
        assertThat(returned.get()).isNotEqualTo(-1);
    }

    @Test
    void zero_intervals_never_wait_and_a_negative_or_shorter_idle_one_is_refused() {
        TailFetchPacing unpaced = new TailFetchPacing(Duration.ZERO, Duration.ZERO, clock::get, slept::add);
        unpaced.fetched(unpaced.beforeFetch(), 0, 1000);
        unpaced.beforeFetch();
        assertThat(slept).isEmpty();
        assertThatThrownBy(() -> new TailFetchPacing(Duration.ofMillis(-1), Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-0.001S");
        assertThatThrownBy(() -> new TailFetchPacing(Duration.ofMillis(10), Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0.005S");
    }
}
