package budgetledger.query;

/** What does budget {@code budgetId}'s 部门预算公开 read like, tables and narrative, as a text document? */
public record FindDisclosureDocumentQuery(String budgetId) {
}
