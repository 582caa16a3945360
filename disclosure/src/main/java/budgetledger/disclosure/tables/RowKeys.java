package budgetledger.disclosure.tables;

import budgetledger.disclosure.TableLayout;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which published row a rendered row is: one key per row, the same on both sides and unique within a table.
 * Functional rows are keyed by their code alone (documents of other years name a code differently); other rows by
 * their level and the normalised labels of their ancestors and their own, so that a project is known by its unit
 * (two units may run projects of one name) and the ordinals of the 收支总表 (一、二、…) do not matter. A key that
 * still repeats gets #2, #3 in order.
 */
public final class RowKeys {

    private static final Pattern ORDINAL = TableLayout.ORDINAL;

    private RowKeys() {
    }

    /** The keys of a table of the seed's template. */
    public static List<String> of(DisclosureTable table) {
        return of(TableLayout.of(table.number()), table);
    }

    public static List<String> of(TableLayout layout, DisclosureTable table) {
        List<String> keys = new ArrayList<>(table.rows().size());
        Map<String, Integer> seen = new HashMap<>();
        String[] ancestors = new String[8];
        for (TableRow row : table.rows()) {
            String own;
            if (layout.kind() == TableLayout.Kind.FUNCTIONAL) {
                own = row.level() == 0 ? "合计" : layout.rowCode(row.labels());
            } else if (layout.kind() == TableLayout.Kind.ECONOMIC && layout.codeCells() > 0) {
                own = row.level() == 0 ? "合计" : layout.rowCode(row.labels());
            } else if (layout.kind() == TableLayout.Kind.PAIRED && layout.filtered() && row.labels().get(0).isEmpty()) {
                // an expenditure half: a 类 or a fixed row, known by its name wherever the fixed rows are printed
                own = row.level() + "|" + labels(row);
            } else if (layout.kind() == TableLayout.Kind.UNITS && layout.filtered()) {
                // the department and its units by name: the code the department is imported under may differ
                own = row.level() + "|" + (row.level() == 0 ? "合计" : TableLayout.normalise(row.labels().get(1)));
            } else {
                StringBuilder path = new StringBuilder().append(row.level());
                for (int level = 1; level < Math.min(row.level(), ancestors.length); level++) {
                    path.append('>').append(ancestors[level]);
                }
                String labels = labels(row);
                if (row.level() < ancestors.length) {
                    ancestors[row.level()] = labels;
                }
                own = path.append('|').append(labels).toString();
            }
            int occurrence = seen.merge(own, 1, Integer::sum);
            keys.add(occurrence == 1 ? own : own + "#" + occurrence);
        }
        return keys;
    }

    private static String labels(TableRow row) {
        List<String> parts = new ArrayList<>();
        for (String label : row.labels()) {
            parts.add(ORDINAL.matcher(TableLayout.normalise(label)).replaceFirst(""));
        }
        return String.join("|", parts);
    }
}
