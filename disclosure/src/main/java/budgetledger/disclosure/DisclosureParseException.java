package budgetledger.disclosure;

import java.util.List;
import java.util.stream.Collectors;

/** A published document that cannot be read as a complete, consistent 部门预算公开: every problem found, in order. */
public class DisclosureParseException extends RuntimeException {

    private final List<ParseProblem> problems;

    public DisclosureParseException(List<ParseProblem> problems) {
        super(problems.stream().map(ParseProblem::text).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ParseProblem> problems() {
        return problems;
    }
}
