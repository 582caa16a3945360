package budgetledger.security;

/**
 * What a user may do; each user has exactly one role. FINANCE changes budgets and reads them; AUDITOR and ANALYST
 * read; ADMIN manages users and nothing else.
 */
public enum Role {
    FINANCE, AUDITOR, ANALYST, ADMIN;

    /** The authority Spring Security checks with {@code hasRole(name())}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
