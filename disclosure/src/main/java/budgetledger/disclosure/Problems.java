package budgetledger.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems instead of stopping at the first, so that one pass over a document tells its author everything
 * to fix. Bounded: a document that is not a disclosure at all would otherwise yield one problem per line.
 */
final class Problems {

    static final int MAX_PROBLEMS = 200;

    private final List<ParseProblem> list = new ArrayList<>();
    private boolean overflowed;

    void add(int line, String table, String message) {
        if (list.size() < MAX_PROBLEMS) {
            list.add(new ParseProblem(line, table, message));
        } else if (!overflowed) {
            overflowed = true;
            list.add(new ParseProblem(line, table, "问题超过 " + MAX_PROBLEMS + " 个，其余未列出"));
        }
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<ParseProblem> list() {
        return List.copyOf(list);
    }
}
