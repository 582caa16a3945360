package budgetledger.events;

/**
 * A line-item file was imported: the events of its lines, adjustments and transfers follow this one in the same
 * unit of work. {@code fileSha256} identifies the file's bytes, so the same file is not imported twice.
 */
public record LineItemsImported(String budgetId, String fileName, String fileSha256, int lines, int adjustments,
                                int transfers, String commandId) {
}
