package budgetledger.projections;

import budgetledger.model.table.DisclosureTable;

import java.util.Map;

/** The published tables a budget was imported from, by number. */
public record PublishedTables(String budgetId, String documentNo, String documentSha256,
                              Map<Integer, DisclosureTable> tables) {
}
