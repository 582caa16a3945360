package budgetledger.exchange.lineimport;

import java.util.List;

/** A line-item file that cannot be imported; nothing was recorded. */
public class LineImportRejectedException extends RuntimeException {

    private final String rule;
    private final List<LineItemProblem> problems;

    public LineImportRejectedException(String rule, String message, List<LineItemProblem> problems) {
        super(message);
        this.rule = rule;
        this.problems = List.copyOf(problems);
    }

    public String rule() {
        return rule;
    }

    public List<LineItemProblem> problems() {
        return problems;
    }
}
