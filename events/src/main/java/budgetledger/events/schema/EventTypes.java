package budgetledger.events.schema;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.BudgetOpened;
import budgetledger.events.CellFinding;
import budgetledger.events.ChangeReasonRecorded;
import budgetledger.events.CurrentYearFigureRecorded;
import budgetledger.events.DisclosureRecorded;
import budgetledger.events.DocumentFinding;
import budgetledger.events.LineAmountChange;
import budgetledger.events.LineItemsImported;
import budgetledger.events.PriorYearFigureRecorded;
import budgetledger.events.ProcurementRecorded;
import budgetledger.events.PublishedRow;
import budgetledger.events.PublishedTable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names events are stored under ({@code payload_type}), one per event type, never changed once an event of it is
 * stored: a class may move or be renamed, its stored name stays. Events stored before these names carry the class
 * name of their first release and no revision ({@link #LEGACY_NAMES}); {@link LegacyTypeNames} reads them as revision
 * 1 of their stable name.
 */
public final class EventTypes {

    private static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        register("BudgetOpened", BudgetOpened.class);
        register("BudgetLineAppropriated", BudgetLineAppropriated.class);
        register("BudgetLinesAppropriated", BudgetLinesAppropriated.class);
        register("BudgetLineAdjusted", BudgetLineAdjusted.class);
        register("BudgetAmountTransferred", BudgetAmountTransferred.class);
        register("BudgetEventReversed", BudgetEventReversed.class);
        register("PriorYearFigureRecorded", PriorYearFigureRecorded.class);
        register("CurrentYearFigureRecorded", CurrentYearFigureRecorded.class);
        register("ChangeReasonRecorded", ChangeReasonRecorded.class);
        register("DisclosureRecorded", DisclosureRecorded.class);
        register("LineItemsImported", LineItemsImported.class);
        register("ProcurementRecorded", ProcurementRecorded.class);
    }

    /**
     * The {@code payload_type} of each event stored before stable names (its class name then), and the stable name
     * it is read as. Fixed strings: they name where the classes were, not where they are.
     */
    static final Map<String, String> LEGACY_NAMES = Map.ofEntries(
            Map.entry("budgetledger.events.BudgetOpened", "BudgetOpened"),
            Map.entry("budgetledger.events.BudgetLineAppropriated", "BudgetLineAppropriated"),
            Map.entry("budgetledger.events.BudgetLinesAppropriated", "BudgetLinesAppropriated"),
            Map.entry("budgetledger.events.BudgetLineAdjusted", "BudgetLineAdjusted"),
            Map.entry("budgetledger.events.BudgetAmountTransferred", "BudgetAmountTransferred"),
            Map.entry("budgetledger.events.BudgetEventReversed", "BudgetEventReversed"),
            Map.entry("budgetledger.events.PriorYearFigureRecorded", "PriorYearFigureRecorded"),
            Map.entry("budgetledger.events.CurrentYearFigureRecorded", "CurrentYearFigureRecorded"),
            Map.entry("budgetledger.events.ChangeReasonRecorded", "ChangeReasonRecorded"),
            Map.entry("budgetledger.events.DisclosureRecorded", "DisclosureRecorded"),
            Map.entry("budgetledger.events.LineItemsImported", "LineItemsImported"),
            Map.entry("budgetledger.events.ProcurementRecorded", "ProcurementRecorded"));

    /** Records of {@code budgetledger.events} that are parts of events, never stored on their own. */
    public static final Set<Class<?>> PARTS = Set.of(CellFinding.class, DocumentFinding.class, LineAmountChange.class,
            PublishedTable.class, PublishedRow.class);

    private EventTypes() {
    }

    private static void register(String name, Class<?> type) {
        BY_NAME.put(name, type);
        BY_CLASS.put(type, name);
    }

    /** Every event type by its stable name, in the order of a budget's life. */
    public static Map<String, Class<?>> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    /** The stable name of an event class; empty for a class that is no event (metadata, snapshots, tokens). */
    public static Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(BY_CLASS.get(type));
    }

    /** The event class of a stable name; empty for any other name. */
    public static Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The stable name an event stored under its old class name is read as; empty for any other name. */
    public static Optional<String> legacyName(String storedName) {
        return Optional.ofNullable(LEGACY_NAMES.get(storedName));
    }
}
