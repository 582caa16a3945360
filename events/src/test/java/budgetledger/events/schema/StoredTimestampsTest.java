package budgetledger.events.schema;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store's timestamps read digit by digit give what Axon's own parser gives, on every text it writes. */
class StoredTimestampsTest {

    @Provide
    Arbitrary<Instant> instants() {
        // 1900 to 2200, any nanosecond: whole seconds, whole milliseconds and odd nanoseconds all occur.
        Arbitrary<Long> seconds = Arbitraries.longs().between(-2_208_988_800L, 7_258_118_400L);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(ms -> ms * 1_000_000), Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }

    /** Axon writes milliseconds (formatInstant truncates); ISO_INSTANT writes 0, 3, 6 or 9 digits of fraction. */
    @Property(tries = 2000)
    void what_axon_writes_reads_back_as_axon_reads_it(@ForAll("instants") Instant instant) {
        String stored = DateTimeUtils.formatInstant(instant);
        assertThat(StoredTimestamps.parseUtc(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
        String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
        assertThat(StoredTimestamps.parse(iso)).as(iso).isEqualTo(DateTimeUtils.parseInstant(iso)).isEqualTo(instant);
    }

    /** The seal hashes the stored text, so what the ledger writes is Axon's text to the character. */
    @Property(tries = 5000)
    void the_written_text_is_axons(@ForAll("instants") Instant instant) {
        assertThat(StoredTimestamps.format(instant)).isEqualTo(DateTimeUtils.formatInstant(instant));
    }

    @Test
    void the_written_text_is_axons_at_the_edges_of_the_fast_years() {
        for (String edge : new String[]{"0000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00.001Z",
                "2024-02-29T12:00:00.5Z", "2026-12-03T07:31:01.010Z"}) {
            Instant instant = Instant.parse(edge);
            assertThat(StoredTimestamps.format(instant)).as(edge).isEqualTo(DateTimeUtils.formatInstant(instant));
        }
        assertThat(StoredTimestamps.format(Instant.parse("2026-12-03T07:31:01.010Z")))
                .isEqualTo("2026-12-03T07:31:01.010Z");
    }

    @Test
    void the_layout_axon_writes_is_the_one_read_fast() {
        assertThat(DateTimeUtils.formatInstant(Instant.parse("2026-12-02T08:43:29.123Z")))
                .isEqualTo("2026-12-02T08:43:29.123Z");
        assertThat(StoredTimestamps.parseUtc("2026-12-02T08:43:29.123Z"))
                .isEqualTo(Instant.parse("2026-12-02T08:43:29.123Z"));
        assertThat(StoredTimestamps.parseUtc("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    }

    /** Texts of another layout are not read fast; Axon's parser reads them, or refuses them as it always did. */
    @Test
    void other_texts_go_to_axons_parser() {
        String offset = "2026-12-02T16:43:29.123+08:00";
        assertThat(StoredTimestamps.parseUtc(offset)).isNull();
        assertThat(StoredTimestamps.parse(offset)).isEqualTo(Instant.parse("2026-12-02T08:43:29.123Z"));
        String emptyFraction = "2026-12-02T08:43:29.Z";
        assertThat(StoredTimestamps.parseUtc(emptyFraction)).isNull();
        assertThat(StoredTimestamps.parse(emptyFraction)).isEqualTo(Instant.parse("2026-12-02T08:43:29Z"));
        for (String odd : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-02T24:00:00Z",
                "2026-12-02T08:43:29.1234567890Z", "2026-12-0xT08:43:29Z", "2026-12-02 08:43:29Z"}) {
            assertThat(StoredTimestamps.parseUtc(odd)).as(odd).isNull();
            assertThatThrownBy(() -> StoredTimestamps.parse(odd)).as(odd).isInstanceOf(DateTimeParseException.class);
        }
    }
}
