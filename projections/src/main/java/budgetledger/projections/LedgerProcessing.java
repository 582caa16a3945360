package budgetledger.projections;

/** Names of the event processing groups, shared by the projections and their configuration. */
public final class LedgerProcessing {

    /** The core read models: budgets and their lines. */
    public static final String CORE = "ledger-core";

    /**
     * A subscribing processor: writes a change to a budget's lines in the command's own transaction when that keeps
     * the read models a prefix of the budget's events (LinesInCommandTransaction).
     */
    public static final String IN_COMMAND = "ledger-in-command";

    private LedgerProcessing() {
    }
}
