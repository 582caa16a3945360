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

    private static final Pattern ORDINAL = Pattern.compile("^(?:[一二三四五六七八九十]+、|[①②③④⑤⑥⑦⑧⑨])");

    private RowKeys() {
    }

    public static List<String> of(DisclosureTable table) {
        TableLayout layout = TableLayout.of(table.number());
        List<String> keys = new ArrayList<>(table.rows().size());
        Map<String, Integer> seen = new HashMap<>();
        String[] ancestors = new String[8];
        for (TableRow row : table.rows()) {
            String own;
            if (layout.kind() == TableLayout.Kind.FUNCTIONAL) {
                own = row.level() == 0 ? "合计" : code(table.number(), row);
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

    /** The 科目编码 of a functional row; table 9 prints income and expenditure codes side by side. */
    private static String code(int table, TableRow row) {
        if (table == 9 && row.labels().size() > 2 && !row.labels().get(2).isBlank()) {
            return row.labels().get(2).strip();
        }
        return row.labels().get(0).strip();
    }

    private static String labels(TableRow row) {
        List<String> parts = new ArrayList<>();
        for (String label : row.labels()) {
            parts.add(ORDINAL.matcher(TableLayout.normalise(label)).replaceFirst(""));
        }
        return String.join("|", parts);
    }
}
