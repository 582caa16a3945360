package budgetledger.command;

import budgetledger.command.api.CommandReceipt;
import budgetledger.command.api.CommandReceipt.LineBalance;
import budgetledger.events.schema.EventSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CommandWindowTest {

    static CommandReceipt receipt(int n) {
        return new CommandReceipt("c-" + n, "AdjustBudgetLine", n, List.of(new LineBalance("L1", 100L * n)));
    }

    static CommandWindow filledWith(int commands) {
        CommandWindow window = new CommandWindow();
        IntStream.range(0, commands).forEach(n -> window.remember(receipt(n), "fp-" + n + "/finance"));
        return window;
    }

    @Test
    void a_recent_command_is_answered_with_its_receipt_and_fingerprint() {
        CommandWindow window = filledWith(3);
        assertThat(window.recent("c-1")).contains(new CommandWindow.Kept(receipt(1), "fp-1/finance"));
    }

    @Test
    void the_window_keeps_only_the_latest_receipts() {
        CommandWindow window = filledWith(CommandWindow.SIZE + 44);
        assertThat(window.size()).isEqualTo(CommandWindow.SIZE);
        assertThat(window.recent("c-43")).isEmpty();
        assertThat(window.recent("c-44")).isPresent();
        assertThat(window.recent("c-" + (CommandWindow.SIZE + 43))).isPresent();
    }

    @Test
    void a_command_older_than_the_window_may_still_have_been_seen() {
        CommandWindow window = filledWith(CommandWindow.SIZE + 44);
        IntStream.range(0, 44).forEach(n -> assertThat(window.mayHaveSeen("c-" + n)).as("c-" + n).isTrue());
    }

    @Test
    void most_ids_never_sent_are_known_to_be_new() {
        CommandWindow window = filledWith(1000);
        long flagged = IntStream.range(0, 10_000).filter(n -> window.mayHaveSeen("new-" + n)).count();
        // 1,000 ids in two stages, the second not yet full: at most twice a full stage's rate (about 3e-7), with
        // room for chance.
        int capacity = CommandWindow.FIRST_STAGE_BYTES * 8 / CommandWindow.BITS_PER_ID;
        assertThat(window.stageCount()).isEqualTo(1000 < capacity ? 1 : 2);
        assertThat(flagged).isLessThanOrEqualTo(Math.round(10_000 * CommandWindow.stageFalsePositiveRate() * 2 * 3));
    }

    @Test
    void the_false_positives_stay_rare_as_a_budget_grows() {
        // A fixed filter of 16,384 bits let 86 % of new ids through at 20,000 ids, and each of those read the
        // budget's whole stream; the stages keep each stage under its full rate (about 3e-7), so the whole filter
        // stays under that rate times its stages. Stages of 16 bits per id (0.06 % each) let about 70 of these
        // 20,000 through at 60,000 ids.
        int capacity = CommandWindow.FIRST_STAGE_BYTES * 8 / CommandWindow.BITS_PER_ID;
        for (int ids : new int[] {3_300, 20_000, 60_000}) {
            CommandWindow window = filledWith(ids);
            // Stages of capacity c, 2c, 4c, ...: the first s hold c(2^s - 1) ids.
            int stages = 32 - Integer.numberOfLeadingZeros(ids / capacity + 1);
            assertThat(window.stageCount()).as("stages after %d ids", ids).isEqualTo(stages);
            long flagged = IntStream.range(0, 20_000).filter(n -> window.mayHaveSeen("new-" + n)).count();
            assertThat(flagged).as("false positives among 20,000 new ids after %d ids", ids)
                    .isLessThanOrEqualTo(Math.round(20_000 * CommandWindow.stageFalsePositiveRate() * stages * 1.5) + 3);
        }
    }

    @Test
    void a_new_command_reads_almost_none_of_a_large_budgets_stream() {
        // A false positive reads the whole stream, so a new command reads on average the filter's rate times the
        // stream's length: about a tenth of an event on a budget of 60,000 ids, and about four at 1,000,000 (16 bits
        // per id gave 190 and 4,600; issue 18, the API's profile on a budget of 58,000 events).
        int capacity = CommandWindow.FIRST_STAGE_BYTES * 8 / CommandWindow.BITS_PER_ID;
        for (int ids : new int[] {60_000, 1_000_000}) {
            int stages = 32 - Integer.numberOfLeadingZeros(ids / capacity + 1);
            double eventsRead = CommandWindow.stageFalsePositiveRate() * stages * ids;
            assertThat(eventsRead).as("events read per new command at %d ids", ids)
                    .isLessThan(ids == 60_000 ? 0.15 : 5);
        }
        CommandWindow window = filledWith(60_000);
        assertThat(IntStream.range(0, 20_000).filter(n -> window.mayHaveSeen("new-" + n)).count())
                .as("new ids the filter may have seen, of 20,000").isZero();
    }

    @Test
    void every_id_seen_is_still_known_in_every_stage() {
        CommandWindow window = filledWith(20_000);
        assertThat(IntStream.range(0, 20_000).filter(n -> !window.mayHaveSeen("c-" + n)).boxed().toList()).isEmpty();
    }

    @Test
    void a_later_event_of_the_same_command_without_a_fingerprint_keeps_the_first() {
        CommandWindow window = new CommandWindow();
        window.remember(receipt(1), "fp/finance");
        CommandReceipt later = new CommandReceipt("c-1", "AdjustBudgetLine", 9, List.of());
        window.remember(later, null);
        assertThat(window.recent("c-1")).contains(new CommandWindow.Kept(later, "fp/finance"));
    }

    @Test
    void the_window_survives_a_snapshot() throws Exception {
        ObjectMapper mapper = EventSerializer.objectMapper();
        CommandWindow window = filledWith(CommandWindow.SIZE + 10);
        CommandWindow read = mapper.readValue(mapper.writeValueAsBytes(window), CommandWindow.class);
        assertThat(read.size()).isEqualTo(CommandWindow.SIZE);
        assertThat(read.recent("c-10")).isEqualTo(window.recent("c-10"));
        assertThat(read.mayHaveSeen("c-0")).isTrue();
        // Still oldest first: the next receipt pushes c-10 out.
        read.remember(receipt(9999), null);
        assertThat(read.recent("c-10")).isEmpty();
        assertThat(read.recent("c-11")).isPresent();
    }

    @Test
    void the_snapshot_grows_by_a_few_bytes_per_id_only() throws Exception {
        ObjectMapper mapper = EventSerializer.objectMapper();
        int small = mapper.writeValueAsBytes(filledWith(CommandWindow.SIZE)).length;
        CommandWindow tenThousand = filledWith(10_000);
        int large = mapper.writeValueAsBytes(tenThousand).length;
        // The same number of receipts; the filter's stages hold at most eight bytes per id (four, and a stage begun
        // when the last fills), written as Base64 (four characters per three bytes).
        int perId = 2 * CommandWindow.BITS_PER_ID / 8;
        assertThat(tenThousand.filterBytes()).isLessThanOrEqualTo(CommandWindow.FIRST_STAGE_BYTES + perId * 10_000);
        assertThat(large - small).isLessThan((CommandWindow.FIRST_STAGE_BYTES + perId * 10_000) * 4 / 3 + 2_000);
        CommandWindow read = mapper.readValue(mapper.writeValueAsBytes(tenThousand), CommandWindow.class);
        assertThat(IntStream.range(0, 10_000).filter(n -> !read.mayHaveSeen("c-" + n)).count()).isZero();
        assertThat(mapper.writeValueAsString(read)).isEqualTo(mapper.writeValueAsString(tenThousand));
    }
}
