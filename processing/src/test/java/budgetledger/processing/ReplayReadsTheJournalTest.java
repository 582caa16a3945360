package budgetledger.processing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranges a replayed batch's journal lookup reads cover every index of the batch, and read no stretch of the
 * journal's index wider than {@link ReplayReadsTheJournal#RANGE_GAP} that holds none of the batch's events. Each case
 * is a generated batch: ascending, distinct global indexes, with steps from 1 (one segment's events in a row) to far
 * beyond the gap (a stretch of events no projection handles, or of the other segment's budgets).
 */
class ReplayReadsTheJournalTest {

    @Provide
    Arbitrary<long[]> batches() {
        Arbitrary<Long> step = Arbitraries.oneOf(Arbitraries.longs().between(1, 3),
                Arbitraries.longs().between(1, ReplayReadsTheJournal.RANGE_GAP + 1),
                Arbitraries.longs().between(ReplayReadsTheJournal.RANGE_GAP - 1, 50_000));
        return Arbitraries.longs().between(0, 1_000_000).flatMap(first -> step.list().ofMinSize(0).ofMaxSize(1_000)
                .map(steps -> {
                    long[] indexes = new long[steps.size() + 1];
                    indexes[0] = first;
                    for (int i = 0; i < steps.size(); i++) {
                        indexes[i + 1] = indexes[i] + steps.get(i);
                    }
                    return indexes;
                }));
    }

    @Property(tries = 500)
    void the_ranges_cover_the_batch_and_skip_every_wide_stretch_without_its_events(@ForAll("batches") long[] batch) {
        long[][] ranges = ReplayReadsTheJournal.ranges(batch);
        long[] lows = ranges[0];
        long[] highs = ranges[1];

        assertThat(lows).hasSameSizeAs(highs);
        long wideSteps = 0;
        for (int i = 1; i < batch.length; i++) {
            if (batch[i] - batch[i - 1] > ReplayReadsTheJournal.RANGE_GAP) {
                wideSteps++;
            }
        }
        assertThat(lows.length).isEqualTo(wideSteps + 1);
        for (int r = 0; r < lows.length; r++) {
            assertThat(lows[r]).isLessThanOrEqualTo(highs[r]);
            // Each range begins and ends at an index of the batch, and the next begins beyond the gap.
            assertThat(Arrays.binarySearch(batch, lows[r])).isNotNegative();
            assertThat(Arrays.binarySearch(batch, highs[r])).isNotNegative();
            if (r > 0) {
                assertThat(lows[r] - highs[r - 1]).isGreaterThan(ReplayReadsTheJournal.RANGE_GAP);
            }
        }
        for (long index : batch) {
            long covering = 0;
            for (int r = 0; r < lows.length; r++) {
                if (lows[r] <= index && index <= highs[r]) {
                    covering++;
                }
            }
            assertThat(covering).as("ranges covering %d", index).isEqualTo(1);
        }
    }

    @Example
    void a_batch_in_one_stretch_is_one_range_and_a_far_event_is_a_range_of_its_own() {
        long[][] ranges = ReplayReadsTheJournal.ranges(new long[] {10, 12, 13, 1_013, 2_014, 2_015});

        assertThat(ranges[0]).containsExactly(10, 2_014);
        assertThat(ranges[1]).containsExactly(1_013, 2_015);
    }
}
