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
        long flagged = IntStream.range(0, 1000).filter(n -> window.mayHaveSeen("new-" + n)).count();
        // 1000 ids in 16384 bits with 4 bits each: about 1.4 % false positives.
        assertThat(flagged).isLessThan(60);
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
    void the_snapshot_of_the_window_is_bounded() throws Exception {
        ObjectMapper mapper = EventSerializer.objectMapper();
        int small = mapper.writeValueAsBytes(filledWith(CommandWindow.SIZE)).length;
        int large = mapper.writeValueAsBytes(filledWith(10 * CommandWindow.SIZE)).length;
        // Ten times the commands: the same number of receipts, only their ids and amounts a digit longer.
        assertThat(large).isLessThan(small * 6 / 5);
    }
}
