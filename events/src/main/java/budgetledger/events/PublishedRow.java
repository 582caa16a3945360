package budgetledger.events;

import java.util.Collections;
import java.util.List;

/**
 * A row of a {@link PublishedTable}.
 *
 * @param level      0 for totals, then 1, 2, 3 down the hierarchy (类 / 款 / 项; unit / project)
 * @param labels     one cell per label column; "" where the published cell is blank
 * @param amountsFen one cell per amount column in 分; null where the published cell is blank
 */
public record PublishedRow(int level, List<String> labels, List<Long> amountsFen) {

    public PublishedRow {
        labels = List.copyOf(labels);
        amountsFen = Collections.unmodifiableList(new java.util.ArrayList<>(amountsFen));
    }
}
