package budgetledger.events.schema;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Reads the {@code time_stamp} column of the event store: the text Axon writes (DateTimeUtils.formatInstant, e.g.
 * {@code 2026-12-02T08:43:29.123Z}: UTC, milliseconds; 1 to 9 digits of fraction are read). Issue 18: Axon parses
 * it with a DateTimeFormatter on every read of an event, which was a fifth of the processor threads' CPU in a
 * rebuild; this reads that one layout digit by digit, and hands any other text to Axon's own parser, so the result
 * is the same.
 */
public final class StoredTimestamps {

    private StoredTimestamps() {
    }

    /** The instant of a stored timestamp. */
    public static Instant parse(CharSequence text) {
        Instant fast = parseUtc(text);
        return fast != null ? fast : DateTimeUtils.parseInstant(text);
    }

    /**
     * The text Axon writes for an instant (DateTimeUtils.formatInstant: UTC, truncated to milliseconds, always three
     * digits of fraction), written digit by digit for the years 0 to 9999 and by Axon otherwise. Issue 18: Axon's
     * DateTimeFormatter was about 3% of an acknowledged change's CPU. The text must stay Axon's to the character:
     * the seal of each event hashes it, and StoredTimestamps.parse reads it.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        if (epochDay < MIN_FAST_DAY || epochDay > MAX_FAST_DAY) {
            return DateTimeUtils.formatInstant(instant);
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        char[] text = new char[24];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        put(text, 20, instant.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static final long MIN_FAST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    /** {@code value} as {@code width} decimal digits from {@code at}, zero-padded. */
    private static void put(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The fixed layout {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; null for anything else. */
    static Instant parseUtc(CharSequence t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int value = digits(t, 20, fraction);
            if (value < 0) {
                return null;
            }
            nanos = value;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (!YearMonth.of(year, month).isValidDay(day)) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The value of {@code count} decimal digits from {@code from}; -1 when one is not a digit. */
    private static int digits(CharSequence t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
