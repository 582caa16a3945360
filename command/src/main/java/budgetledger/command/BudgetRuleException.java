package budgetledger.command;

/**
 * A command was refused. {@code field} names the command field at fault (null when the budget as a whole is),
 * {@code rule} is a stable key of the rule broken, the message says it for users, in Chinese.
 */
public class BudgetRuleException extends RuntimeException {

    /** What kind of refusal this is; the HTTP layer maps them to 400, 404 and 409. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String field;
    private final String rule;

    public BudgetRuleException(Kind kind, String field, String rule, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
    }

    public static BudgetRuleException invalid(String field, String rule, String message) {
        return new BudgetRuleException(Kind.INVALID, field, rule, message);
    }

    public static BudgetRuleException notFound(String field, String rule, String message) {
        return new BudgetRuleException(Kind.NOT_FOUND, field, rule, message);
    }

    public static BudgetRuleException conflict(String field, String rule, String message) {
        return new BudgetRuleException(Kind.CONFLICT, field, rule, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
