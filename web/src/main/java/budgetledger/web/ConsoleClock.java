package budgetledger.web;

import budgetledger.command.BudgetRuleException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as the console shows and reads them: in {@code budget-ledger.console.zone} (default Asia/Shanghai, 北京时间),
 * whatever the server's own zone. The ledger keeps instants.
 */
@Component
class ConsoleClock {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ZoneId zone;

    ConsoleClock(@Value("${budget-ledger.console.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    String show(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }

    /** The value of a datetime-local input for an instant. */
    String picker(Instant instant) {
        return PICKER.format(instant.atZone(zone));
    }

    /** A datetime-local input's value (minutes or seconds) as an instant. */
    Instant moment(String field, String text) {
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw BudgetRuleException.invalid(field, "malformed-moment", "时刻应为 年-月-日T时:分[:秒]，例如 2026-03-01T09:00");
        }
    }

    /** The first instant of a day (a date input's value). */
    Instant startOf(String field, String date) {
        return day(field, date).atStartOfDay(zone).toInstant();
    }

    /** The last instant of a day. */
    Instant endOf(String field, String date) {
        return day(field, date).plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }

    String zoneLabel() {
        return zone.getId().equals("Asia/Shanghai") ? "北京时间" : zone.getId();
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw BudgetRuleException.invalid(field, "malformed-date", "日期应为 年-月-日，例如 2026-03-01");
        }
    }
}
