package budgetledger.events;

import org.axonframework.serialization.Revision;

/**
 * A line-item file was imported: the events of its lines, adjustments and transfers follow this one in the same
 * unit of work. {@code fileSha256} identifies the file's bytes, so the same file is not imported twice.
 */
@Revision("1")
public record LineItemsImported(String budgetId, String fileName, String fileSha256, int lines, int adjustments,
                                int transfers, String commandId) {
}
