package budgetledger.query;

/** How do the thirteen tables of budget {@code budgetId} read now, rendered from its lines? */
public record FindDisclosureTablesQuery(String budgetId) {
}
