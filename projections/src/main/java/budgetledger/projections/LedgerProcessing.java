package budgetledger.projections;

/** Names of the event processing groups, shared by the projections and their configuration. */
public final class LedgerProcessing {

    /** The core read models: budgets and their lines. */
    public static final String CORE = "ledger-core";

    private LedgerProcessing() {
    }
}
