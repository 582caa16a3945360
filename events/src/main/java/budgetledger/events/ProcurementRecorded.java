package budgetledger.events;

import budgetledger.model.ProcurementItem;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The budget's 政府采购 items were recorded as its published 政府采购 table lists them (in the table's order); a
 * later record replaces the whole list.
 */
@Revision("1")
public record ProcurementRecorded(String budgetId, List<ProcurementItem> items, String documentNo, String reason,
                                  String commandId) {

    public ProcurementRecorded {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
