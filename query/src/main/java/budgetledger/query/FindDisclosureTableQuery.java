package budgetledger.query;

/** How does table {@code number} (1 to 13) of budget {@code budgetId} read now, rendered from its lines? */
public record FindDisclosureTableQuery(String budgetId, int number) {
}
