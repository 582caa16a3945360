package budgetledger.exchange.disclosure;

import budgetledger.disclosure.ParseProblem;

import java.util.List;

/** A document that cannot be imported: unreadable, or its tables cannot be reproduced. Nothing was recorded. */
public class DisclosureRejectedException extends RuntimeException {

    private final String rule;
    private final List<ParseProblem> problems;

    public DisclosureRejectedException(String rule, String message, List<ParseProblem> problems) {
        super(message);
        this.rule = rule;
        this.problems = List.copyOf(problems);
    }

    public String rule() {
        return rule;
    }

    public List<ParseProblem> problems() {
        return problems;
    }
}
