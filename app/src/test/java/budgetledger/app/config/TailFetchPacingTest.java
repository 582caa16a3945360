package budgetledger.app.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reader at the head of the stream asks again only once the interval since its last short fetch has passed; a
 * reader that is behind (full batches) and the first fetch after a quiet spell never wait. The clock and the sleep
 * are the test's, so nothing here depends on the machine's timing.
 */
class TailFetchPacingTest {

    private static final long MS = 1_000_000;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final List<Long> slept = new ArrayList<>();
    private final TailFetchPacing pacing = new TailFetchPacing(Duration.ofMillis(10), clock::get, nanos -> {
        slept.add(nanos);
        clock.addAndGet(nanos);
    });

    @Test
    void a_fetch_after_a_short_one_waits_out_the_rest_of_the_interval() {
        long began = pacing.beforeFetch();
        assertThat(slept).as("the first fetch").isEmpty();
        pacing.fetched(began, 3, 1000);
        clock.addAndGet(4 * MS);

        long next = pacing.beforeFetch();
        assertThat(slept).containsExactly(6 * MS);
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
    void a_fetch_after_the_interval_has_passed_does_not_wait() {
        long began = pacing.beforeFetch();
        pacing.fetched(began, 0, 1000);
        clock.addAndGet(25 * MS);
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
        assertThat(slept).containsExactly(10 * MS);
    }

    @Test
    void a_zero_interval_never_waits_and_a_negative_one_is_refused() {
        TailFetchPacing unpaced = new TailFetchPacing(Duration.ZERO, clock::get, slept::add);
        unpaced.fetched(unpaced.beforeFetch(), 0, 1000);
        unpaced.beforeFetch();
        assertThat(slept).isEmpty();
        assertThatThrownBy(() -> new TailFetchPacing(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-0.001S");
    }
}
