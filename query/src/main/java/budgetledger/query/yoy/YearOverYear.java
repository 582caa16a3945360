package budgetledger.query.yoy;

import budgetledger.model.BudgetSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Compares this year's grouping with last year's: with last year's ledger (both groupings), or with the prior-year
 * figures recorded with this year's budget, which exist per subject only. Pure: no Spring, no database.
 */
public final class YearOverYear {

    /**
     * The comparison of budget {@code budgetId} with {@code against} (another budget id, or "prior").
     * {@code level} is null for dimensions without levels.
     */
    public record Report(String budgetId, String against, int fiscalYear, Integer lastFiscalYear,
                         Dimension dimension, Level level, List<DeltaRow> rows) {
    }

    private YearOverYear() {
    }

    /** Every group of either year, in key order; a group of one year only is flagged and counts zero in the other. */
    public static List<DeltaRow> compare(SortedMap<String, Group> thisYear, SortedMap<String, Group> lastYear) {
        TreeSet<String> keys = new TreeSet<>(thisYear.keySet());
        keys.addAll(lastYear.keySet());
        List<DeltaRow> rows = new ArrayList<>();
        for (String key : keys) {
            Group now = thisYear.get(key);
            Group then = lastYear.get(key);
            Group named = now != null ? now : then;
            Presence presence = now != null && then != null ? Presence.BOTH
                    : now != null ? Presence.THIS_YEAR_ONLY : Presence.LAST_YEAR_ONLY;
            rows.add(new DeltaRow(named.level(), named.code(), named.name(),
                    then == null ? null : then.amountFen(), now == null ? null : now.amountFen(), presence));
        }
        return rows;
    }

    /**
     * This year's groups against the prior-year figures of the subjects they stand for; a group that stands for no
     * subject, or for one without a recorded figure, has no prior data and is flagged so. For the SUBJECT dimension
     * only subjects with a prior-year figure are listed.
     */
    public static List<DeltaRow> againstPrior(SortedMap<String, Group> thisYear, Map<BudgetSubject, Long> prior,
                                              boolean onlySubjectsWithPrior) {
        List<DeltaRow> rows = new ArrayList<>();
        for (Group group : thisYear.values()) {
            Long last = group.subject() == null ? null : prior.get(group.subject());
            if (last == null && onlySubjectsWithPrior) {
                continue;
            }
            rows.add(new DeltaRow(group.level(), group.code(), group.name(), last, group.amountFen(),
                    last == null ? Presence.NO_PRIOR_DATA : Presence.BOTH));
        }
        return rows;
    }
}
