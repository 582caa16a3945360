package budgetledger.command;

import budgetledger.command.api.CommandReceipt;
import budgetledger.command.api.CommandReceipt.LineBalance;
import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.ChangeReasonRecorded;
import budgetledger.events.CurrentYearFigureRecorded;
import budgetledger.events.LineAmountChange;
import budgetledger.events.LineItemsImported;
import budgetledger.events.PriorYearFigureRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A budget's own event stream, read for what the aggregate does not keep in its state: the receipt of a command
 * older than its CommandWindow, and the event a 冲销 names. Also the one definition of what an event says of the
 * command behind it (its receipt) and of how it is undone (its line changes), used by the aggregate's
 * event-sourcing handlers and by these look-ups alike.
 */
final class BudgetStream {

    /** The line changes of a money event, which a 冲销 undoes. */
    record Reversible(String eventType, List<LineAmountChange> changes) {
    }

    private final EventStore events;
    private final String budgetId;

    BudgetStream(EventStore events, String budgetId) {
        this.events = events;
        this.budgetId = budgetId;
    }

    /** The receipt of the last event the command recorded, with the fingerprint its events carry. */
    Optional<CommandWindow.Kept> receipt(String commandId) {
        CommandReceipt found = null;
        String fingerprint = null;
        DomainEventStream stream = events.readEvents(budgetId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            for (CommandReceipt receipt : receipts(event.getPayload(), event.getSequenceNumber())) {
                if (receipt.commandId().equals(commandId)) {
                    found = receipt;
                    String kept = CommandFingerprint.kept(event.getMetaData());
                    fingerprint = kept != null ? kept : fingerprint;
                }
            }
        }
        return found == null ? Optional.empty() : Optional.of(new CommandWindow.Kept(found, fingerprint));
    }

    /** The event at a sequence number of the budget's stream. */
    Optional<Object> event(long sequence) {
        DomainEventStream stream = events.readEvents(budgetId, sequence);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() == sequence) {
                return Optional.of(event.getPayload());
            }
        }
        return Optional.empty();
    }

    /** The receipts of the commands behind an event: one for most, one per line of a file's appropriations. */
    static List<CommandReceipt> receipts(Object event, long sequence) {
        if (event instanceof BudgetLineAppropriated e) {
            return List.of(receipt(e.commandId(), "AppropriateBudgetLine", sequence, List.of(appropriated(e))));
        }
        if (event instanceof BudgetLinesAppropriated e) {
            List<CommandReceipt> receipts = new ArrayList<>(e.lines().size());
            for (BudgetLineAppropriated line : e.lines()) {
                receipts.add(receipt(line.commandId(), "AppropriateBudgetLine", sequence, List.of(appropriated(line))));
            }
            return receipts;
        }
        if (event instanceof BudgetLineAdjusted e) {
            return List.of(receipt(e.commandId(), "AdjustBudgetLine", sequence, adjusted(e)));
        }
        if (event instanceof BudgetAmountTransferred e) {
            return List.of(receipt(e.commandId(), "TransferBetweenLines", sequence, transferred(e)));
        }
        if (event instanceof BudgetEventReversed e) {
            return List.of(receipt(e.commandId(), "ReverseBudgetEvent", sequence, e.changes()));
        }
        if (event instanceof LineItemsImported e) {
            return List.of(receipt(e.commandId(), "ImportLineItems", sequence, List.of()));
        }
        if (event instanceof PriorYearFigureRecorded e) {
            return List.of(receipt(e.commandId(), "RecordPriorYearFigure", sequence, List.of()));
        }
        if (event instanceof ChangeReasonRecorded e) {
            return List.of(receipt(e.commandId(), "RecordChangeReason", sequence, List.of()));
        }
        if (event instanceof CurrentYearFigureRecorded e) {
            return List.of(receipt(e.commandId(), "RecordCurrentYearFigure", sequence, List.of()));
        }
        return List.of();
    }

    /** How a money event (年初预算, 追加/追减, 调剂) is undone; empty for every other event. */
    static Optional<Reversible> reversible(Object event) {
        if (event instanceof BudgetLineAppropriated e) {
            return Optional.of(new Reversible("BudgetLineAppropriated", List.of(appropriated(e))));
        }
        if (event instanceof BudgetLinesAppropriated e) {
            return Optional.of(new Reversible("BudgetLinesAppropriated",
                    e.lines().stream().map(BudgetStream::appropriated).toList()));
        }
        if (event instanceof BudgetLineAdjusted e) {
            return Optional.of(new Reversible("BudgetLineAdjusted", adjusted(e)));
        }
        if (event instanceof BudgetAmountTransferred e) {
            return Optional.of(new Reversible("BudgetAmountTransferred", transferred(e)));
        }
        return Optional.empty();
    }

    private static LineAmountChange appropriated(BudgetLineAppropriated e) {
        return new LineAmountChange(e.lineId(), e.amountFen(), e.amountFen());
    }

    private static List<LineAmountChange> adjusted(BudgetLineAdjusted e) {
        return List.of(new LineAmountChange(e.lineId(), e.amountFen(), e.amountAfterFen()));
    }

    private static List<LineAmountChange> transferred(BudgetAmountTransferred e) {
        return List.of(new LineAmountChange(e.fromLineId(), -e.amountFen(), e.fromAmountAfterFen()),
                new LineAmountChange(e.toLineId(), e.amountFen(), e.toAmountAfterFen()));
    }

    private static CommandReceipt receipt(String commandId, String commandType, long sequence,
                                          List<LineAmountChange> changes) {
        return new CommandReceipt(commandId, commandType, sequence,
                changes.stream().map(c -> new LineBalance(c.lineId(), c.amountAfterFen())).toList());
    }
}
