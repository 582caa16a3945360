package budgetledger.command;

import budgetledger.command.BudgetStream.Reversible;
import budgetledger.command.CommandChecks.Sign;
import budgetledger.command.LineAmounts.Adjusted;
import budgetledger.command.LineAmounts.Transferred;
import budgetledger.command.api.AdjustBudgetLine;
import budgetledger.command.api.AppropriateBudgetLine;
import budgetledger.command.api.ChangeCommand;
import budgetledger.command.api.CommandReceipt;
import budgetledger.command.api.CommandReceipt.LineBalance;
import budgetledger.command.api.ImportDisclosure;
import budgetledger.command.api.ImportDisclosure.ImportedLine;
import budgetledger.command.api.ImportLineItems;
import budgetledger.command.api.OpenBudget;
import budgetledger.command.api.RecordChangeReason;
import budgetledger.command.api.RecordCurrentYearFigure;
import budgetledger.command.api.RecordPriorYearFigure;
import budgetledger.command.api.ReverseBudgetEvent;
import budgetledger.command.api.TransferBetweenLines;
import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetOpened;
import budgetledger.events.ChangeReasonRecorded;
import budgetledger.events.CurrentYearFigureRecorded;
import budgetledger.events.DisclosureRecorded;
import budgetledger.events.ProcurementRecorded;
import budgetledger.events.LineAmountChange;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.LineItemsImported;
import budgetledger.events.PriorYearFigureRecorded;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.UnitType;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.serialization.Revision;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static budgetledger.command.BudgetRuleException.conflict;
import static budgetledger.command.BudgetRuleException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A department's budget for one fiscal year ({@code 062-2026}): its units and lines, and every change to them.
 * Command handlers check and apply; event-sourcing handlers only set state.
 */
// Of the snapshot (2: receipts in a bounded CommandWindow; 3: the lines' total; 4: the window's filter in stages; 5:
// 32 bits per id in the filter, 16 hashes from a SHA-512): a snapshot of another revision is ignored and the budget replayed from
// its events.
@Revision("5")
@Aggregate(snapshotTriggerDefinition = "departmentBudgetSnapshotTrigger", cache = "departmentBudgetCache",
        commandTargetResolver = "commandTargets")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DepartmentBudget {

    /** Compiled once (String.matches compiles its pattern on every call). */
    private static final java.util.regex.Pattern FILE_ROW = java.util.regex.Pattern.compile("#?\\d{1,6}");

    @AggregateIdentifier
    private String budgetId;
    private int fiscalYear;
    private Map<String, UnitType> units = new HashMap<>();
    /** Functional codes outside the catalogue that the budget's document named (absent from older snapshots). */
    private Set<String> documentCodes = new HashSet<>();
    private Map<String, Line> lines = new HashMap<>();
    /** The lines' amounts together, in 分, kept by putLine: a change's budget-limit check adds up no lines (issue 18). */
    private long totalFen;
    /**
     * The receipts of the latest commands with their fingerprints, and a filter of every command id seen, so that
     * a retried command gets the same answer and no new event; bounded, older receipts are read from the stream.
     */
    private CommandWindow commands = new CommandWindow();
    /** Sequences of the events reversed (冲销), so that none is reversed twice; grows only with reversals. */
    private Set<Long> reversed = new HashSet<>();
    /** This year's figures recorded as facts (政府采购), in 分. */
    private Map<BudgetSubject, Long> currentYearFigures = new EnumMap<>(BudgetSubject.class);
    /** SHA-256 of every line-item file imported, so that the same file is refused the second time (grows per file). */
    private Set<String> importedFiles = new HashSet<>();
    private long lastSequence;

    record Line(String unitCode, ExpenditureKind kind, long amountFen) {
        Line withAmount(long newAmountFen) {
            return new Line(unitCode, kind, newAmountFen);
        }
    }

    protected DepartmentBudget() {
        // Axon rebuilds the aggregate from its events, Jackson from a snapshot.
    }

    @CommandHandler
    public DepartmentBudget(OpenBudget command) {
        OpeningRules.check(command);
        apply(new BudgetOpened(command.budgetId(), command.departmentCode(), command.departmentName().strip(),
                command.fiscalYear(), List.copyOf(command.units())));
    }

    /**
     * Opens the budget with everything a published disclosure gives, in one unit of work: the events are appended
     * in one transaction, so an import lands whole or not at all.
     */
    @CommandHandler
    public DepartmentBudget(ImportDisclosure command) {
        OpeningRules.check(new OpenBudget(command.budgetId(), command.departmentCode(), command.departmentName(),
                command.fiscalYear(), command.units()));
        CommandChecks.commandId(command.commandId());
        CommandChecks.text("documentNo", command.documentNo(), CommandChecks.MAX_DOCUMENT_NO);
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(command.fiscalYear());
        Map<String, UnitType> unitTypes = new HashMap<>();
        command.units().forEach(unit -> unitTypes.put(unit.code(), unit.type()));
        String reason = "年初预算（据公开文档重建）";
        List<AppropriateBudgetLine> appropriations = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            ImportedLine line = command.lines().get(i);
            AppropriateBudgetLine appropriation = new AppropriateBudgetLine(command.budgetId(), line.unitCode(),
                    line.functionalCode(), line.kind(), line.deptEconomicCode(), line.govEconomicCode(),
                    line.fundingSource(), line.origin(), line.project(), java.math.BigDecimal.valueOf(line.amountFen(), 2),
                    command.documentNo(), reason, command.commandId() + "#L" + (i + 1));
            try {
                CommandChecks.amountFen("amount", appropriation.amountYuan(), Sign.POSITIVE);
                LineRules.check(appropriation, catalogue, unitTypes, command.documentNames().keySet());
            } catch (BudgetRuleException e) {
                throw new BudgetRuleException(e.kind(), "lines[" + i + "]." + e.field(), e.rule(), e.getMessage());
            }
            appropriations.add(appropriation);
        }
        LedgerLimits.budget("lines", command.lines().stream()
                .map(line -> new Line(line.unitCode(), line.kind(), line.amountFen())).toList(), 0);
        ProcurementRules.check(command.procurement());
        Map<BudgetSubject, Long> figures = new EnumMap<>(BudgetSubject.class);
        for (ImportDisclosure.CurrentYearFigure figure : command.currentYearFigures()) {
            CurrentYearFigureRules.check(figure.subject(), figure.amountFen(), figures);
            figures.put(figure.subject(), figure.amountFen());
        }
        apply(new BudgetOpened(command.budgetId(), command.departmentCode(), command.departmentName().strip(),
                command.fiscalYear(), List.copyOf(command.units()), command.documentNames(), command.templateId()));
        apply(new DisclosureRecorded(command.budgetId(), command.documentNo(), command.documentSha256(),
                List.copyOf(command.publishedTables()), command.findings(), command.documentFindings()));
        for (int i = 0; i < appropriations.size(); i++) {
            AppropriateBudgetLine a = appropriations.get(i);
            apply(new BudgetLineAppropriated(command.budgetId(), "L" + (i + 1), a.unitCode(), a.functionalCode(),
                            a.kind(), a.deptEconomicCode(), a.govEconomicCode(), a.fundingSource(), a.origin(),
                            blankToNull(a.project()), command.lines().get(i).amountFen(), a.documentNo(), a.reason(),
                            a.commandId()),
                    MetaData.with("provenance", command.lines().get(i).provenance()).and("reconstructed", true));
        }
        for (int i = 0; i < command.priorYearFigures().size(); i++) {
            ImportDisclosure.PriorYearFigure figure = command.priorYearFigures().get(i);
            apply(new PriorYearFigureRecorded(command.budgetId(), figure.subject(), figure.amountFen(),
                    command.documentNo(), "据公开文档第三部分", command.commandId() + "#P" + (i + 1)));
        }
        for (int i = 0; i < command.changeReasons().size(); i++) {
            ImportDisclosure.ChangeReason changeReason = command.changeReasons().get(i);
            apply(new ChangeReasonRecorded(command.budgetId(), changeReason.subject(), changeReason.reason(),
                    command.documentNo(), command.commandId() + "#R" + (i + 1)));
        }
        for (int i = 0; i < command.currentYearFigures().size(); i++) {
            ImportDisclosure.CurrentYearFigure figure = command.currentYearFigures().get(i);
            apply(new CurrentYearFigureRecorded(command.budgetId(), figure.subject(), figure.amountFen(),
                    command.documentNo(), "据公开文档第三部分", command.commandId() + "#C" + (i + 1)));
        }
        if (!command.procurement().isEmpty()) {
            apply(new ProcurementRecorded(command.budgetId(), command.procurement(), command.documentNo(),
                    "据公开文档政府采购表", command.commandId() + "#G"));
        }
    }

    @CommandHandler
    public CommandReceipt handle(AppropriateBudgetLine command, EventStore events) {
        return once(command, events, () -> {
            long amountFen = CommandChecks.amountFen("amount", command.amountYuan(), Sign.POSITIVE);
            LineRules.check(command, ClassificationCatalogue.forYear(fiscalYear), units, namedCodes());
            LedgerLimits.budget("amount", totalFen() + amountFen);
            String lineId = "L" + (lines.size() + 1);
            apply(new BudgetLineAppropriated(budgetId, lineId, command.unitCode(), command.functionalCode(),
                    command.kind(), command.deptEconomicCode(), command.govEconomicCode(), command.fundingSource(),
                    command.origin(), blankToNull(command.project()), amountFen, command.documentNo(),
                    command.reason(), command.commandId()));
        });
    }

    @CommandHandler
    public CommandReceipt handle(AdjustBudgetLine command, EventStore events) {
        return once(command, events, () -> {
            long amountFen = CommandChecks.amountFen("amount", command.amountYuan(), Sign.NOT_ZERO);
            existingLine("lineId", command.lineId());
            Adjusted adjusted = new LineAmounts(lines, totalFen()).adjust(command.lineId(), amountFen);
            LedgerLimits.budget("amount", totalFen() + Math.max(0, amountFen));
            apply(adjusted.event(budgetId, command.documentNo(), command.reason(), command.commandId()));
        });
    }

    @CommandHandler
    public CommandReceipt handle(TransferBetweenLines command, EventStore events) {
        return once(command, events, () -> {
            long amountFen = CommandChecks.amountFen("amount", command.amountYuan(), Sign.POSITIVE);
            existingLine("fromLineId", command.fromLineId());
            existingLine("toLineId", command.toLineId());
            Transferred transferred = new LineAmounts(lines, totalFen())
                    .transfer("toLineId", command.fromLineId(), command.toLineId(), amountFen);
            apply(transferred.event(budgetId, command.documentNo(), command.reason(), command.commandId()));
        });
    }

    /**
     * A line-item file: every line, adjustment and transfer is checked first, in file order and against the
     * balances the earlier items leave; then all events are applied in one unit of work, so the file lands whole
     * or not at all. A refusal names the item ({@code lines[3].functionalCode}, {@code adjustments[0].amount}).
     */
    @CommandHandler
    public CommandReceipt handle(ImportLineItems command, EventStore events) {
        CommandChecks.commandId(command.commandId());
        CommandChecks.text("fileName", command.fileName(), CommandChecks.MAX_FILE_NAME);
        if (importedFiles.contains(command.fileSha256())) {
            throw conflict("file", "file-already-imported", "文件 " + command.fileName() + " 已导入过（内容相同），不再重复导入");
        }
        if (kept(command.commandId(), events).isPresent()) {
            throw conflict("commandId", "command-id-reused", "commandId " + command.commandId() + " 已使用");
        }
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(fiscalYear);
        LineAmounts after = new LineAmounts(lines, totalFen());
        List<String> newIds = new ArrayList<>();
        List<Long> newAmounts = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            AppropriateBudgetLine line = command.lines().get(i);
            try {
                CommandChecks.change(line);
                long fen = CommandChecks.amountFen("amount", line.amountYuan(), Sign.POSITIVE);
                LineRules.check(line, catalogue, units, namedCodes());
                String lineId = "L" + (lines.size() + 1 + i);
                after.add(lineId, new Line(line.unitCode(), line.kind(), fen));
                newIds.add(lineId);
                newAmounts.add(fen);
            } catch (BudgetRuleException e) {
                throw item("lines", i, e);
            }
        }
        List<Adjusted> adjusted = new ArrayList<>();
        for (int i = 0; i < command.adjustments().size(); i++) {
            ImportLineItems.Adjustment a = command.adjustments().get(i);
            try {
                checkTexts(a.documentNo(), a.reason());
                long fen = CommandChecks.amountFen("amount", a.amountYuan(), Sign.NOT_ZERO);
                adjusted.add(after.adjust(resolve("line", a.lineRef(), newIds, after), fen));
            } catch (BudgetRuleException e) {
                throw item("adjustments", i, e);
            }
        }
        List<Transferred> moved = new ArrayList<>();
        for (int i = 0; i < command.transfers().size(); i++) {
            ImportLineItems.Transfer t = command.transfers().get(i);
            try {
                checkTexts(t.documentNo(), t.reason());
                long fen = CommandChecks.amountFen("amount", t.amountYuan(), Sign.POSITIVE);
                String from = resolve("fromLine", t.fromLineRef(), newIds, after);
                String to = resolve("toLine", t.toLineRef(), newIds, after);
                moved.add(after.transfer("toLine", from, to, fen));
            } catch (BudgetRuleException e) {
                throw item("transfers", i, e);
            }
        }
        after.checkBudget("lines", 0);

        apply(new LineItemsImported(budgetId, command.fileName(), command.fileSha256(), command.lines().size(),
                command.adjustments().size(), command.transfers().size(), command.commandId()));
        // The file's lines as one event (issue 18: an import is one decision); readers expand it line by line.
        List<BudgetLineAppropriated> appropriated = new ArrayList<>(command.lines().size());
        for (int i = 0; i < command.lines().size(); i++) {
            AppropriateBudgetLine a = command.lines().get(i);
            appropriated.add(new BudgetLineAppropriated(budgetId, newIds.get(i), a.unitCode(), a.functionalCode(),
                    a.kind(), a.deptEconomicCode(), a.govEconomicCode(), a.fundingSource(), a.origin(),
                    blankToNull(a.project()), newAmounts.get(i), a.documentNo(), a.reason(),
                    command.commandId() + "#L" + (i + 1)));
        }
        if (!appropriated.isEmpty()) {
            apply(new BudgetLinesAppropriated(budgetId, appropriated));
        }
        for (int i = 0; i < adjusted.size(); i++) {
            ImportLineItems.Adjustment item = command.adjustments().get(i);
            apply(adjusted.get(i).event(budgetId, item.documentNo(), item.reason(), command.commandId() + "#A" + (i + 1)));
        }
        for (int i = 0; i < moved.size(); i++) {
            ImportLineItems.Transfer item = command.transfers().get(i);
            apply(moved.get(i).event(budgetId, item.documentNo(), item.reason(), command.commandId() + "#T" + (i + 1)));
        }
        List<LineBalance> balances = newIds.stream().map(id -> new LineBalance(id, lines.get(id).amountFen())).toList();
        return new CommandReceipt(command.commandId(), "ImportLineItems", lastSequence, balances);
    }

    private static void checkTexts(String documentNo, String reason) {
        CommandChecks.text("documentNo", documentNo, CommandChecks.MAX_DOCUMENT_NO);
        CommandChecks.reason("reason", reason);
    }

    /** A line named by an adjustment or transfer: {@code #n} is the n-th line of the file, else a line id. */
    private String resolve(String field, String ref, List<String> newIds, LineAmounts known) {
        if (ref == null || ref.isBlank()) {
            throw BudgetRuleException.invalid(field, "required", "须指明预算行（文件中的序号或已有的行号 L…）");
        }
        String wanted = ref.strip();
        if (FILE_ROW.matcher(wanted).matches()) {
            int n = Integer.parseInt(wanted.replace("#", ""));
            if (n < 1 || n > newIds.size()) {
                throw notFound(field, "unknown-line", "文件中没有序号为 " + n + " 的预算行");
            }
            return newIds.get(n - 1);
        }
        if (!known.has(wanted)) {
            throw notFound(field, "unknown-line", "预算 " + budgetId + " 没有预算行 " + wanted);
        }
        return wanted;
    }

    private static BudgetRuleException item(String list, int index, BudgetRuleException e) {
        return new BudgetRuleException(e.kind(), list + "[" + index + "]." + e.field(), e.rule(), e.getMessage());
    }

    @CommandHandler
    public CommandReceipt handle(RecordPriorYearFigure command, EventStore events) {
        return once(command, events, () -> {
            if (command.subject() == null) {
                throw BudgetRuleException.invalid("subject", "required", "subject 不能为空");
            }
            long amountFen = CommandChecks.amountFen("amount", command.amountYuan(), Sign.NOT_NEGATIVE);
            apply(new PriorYearFigureRecorded(budgetId, command.subject(), amountFen, command.documentNo(),
                    command.reason(), command.commandId()));
        });
    }

    @CommandHandler
    public CommandReceipt handle(RecordChangeReason command, EventStore events) {
        return once(command, events, () -> {
            if (command.subject() == null) {
                throw BudgetRuleException.invalid("subject", "required", "subject 不能为空");
            }
            apply(new ChangeReasonRecorded(budgetId, command.subject(), command.reason(), command.documentNo(),
                    command.commandId()));
        });
    }

    @CommandHandler
    public CommandReceipt handle(RecordCurrentYearFigure command, EventStore events) {
        return once(command, events, () -> {
            long amountFen = CommandChecks.amountFen("amount", command.amountYuan(), Sign.NOT_NEGATIVE);
            CurrentYearFigureRules.check(command.subject(), amountFen, currentYearFigures);
            apply(new CurrentYearFigureRecorded(budgetId, command.subject(), amountFen, command.documentNo(),
                    command.reason(), command.commandId()));
        });
    }

    @CommandHandler
    public CommandReceipt handle(ReverseBudgetEvent command, EventStore events) {
        return once(command, events, () -> {
            long sequence = command.sequence();
            if (sequence < 0 || sequence > lastSequence) {
                throw notFound("sequence", "unknown-event", "预算 " + budgetId + " 没有序号为 " + sequence + " 的事件");
            }
            Reversible target = new BudgetStream(events, budgetId).event(sequence).flatMap(BudgetStream::reversible)
                    .orElseThrow(() -> conflict("sequence", "not-reversible",
                            "事件 #" + sequence + " 不是可冲销的金额变动（年初预算、追加/追减、调剂）"));
            if (reversed.contains(sequence)) {
                throw conflict("sequence", "already-reversed", "事件 #" + sequence + " 已被冲销");
            }
            LineAmounts amounts = new LineAmounts(lines, totalFen());
            List<LineAmountChange> changes = new ArrayList<>();
            for (LineAmountChange original : target.changes()) {
                long undo = -original.amountFen();
                changes.add(new LineAmountChange(original.lineId(), undo,
                        amounts.change("sequence", original.lineId(), undo)));
            }
            LedgerLimits.budget("sequence",
                    totalFen() + Math.max(0, changes.stream().mapToLong(LineAmountChange::amountFen).sum()));
            apply(new BudgetEventReversed(budgetId, sequence, target.eventType(), changes, command.documentNo(),
                    command.reason(), command.commandId()));
        });
    }

    /**
     * Runs a change once: a command id seen before gets its earlier receipt and nothing new; otherwise the change
     * is checked (文号, reason) and decided, and the receipt of the event it applied is returned.
     */
    private CommandReceipt once(ChangeCommand command, EventStore events, Runnable decideAndApply) {
        Optional<CommandReceipt> earlier = earlierReceipt(command.commandId(), command, events);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CommandChecks.change(command);
        decideAndApply.run();
        return commands.recent(command.commandId()).orElseThrow().receipt();
    }

    /** The receipt of an earlier command with this id; refused when the id was used for another command. */
    private Optional<CommandReceipt> earlierReceipt(String commandId, Object command, EventStore events) {
        CommandChecks.commandId(commandId);
        Optional<CommandWindow.Kept> earlier = kept(commandId, events);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        CommandReceipt receipt = earlier.get().receipt();
        if (!receipt.commandType().equals(command.getClass().getSimpleName())) {
            throw conflict("commandId", "command-id-reused",
                    "commandId " + commandId + " 已用于另一条命令（" + receipt.commandType() + "）");
        }
        String kept = earlier.get().fingerprint();
        String sent = CurrentUnitOfWork.isStarted()
                ? CommandFingerprint.kept(CurrentUnitOfWork.get().getMessage().getMetaData()) : null;
        if (kept != null && sent != null && !kept.equals(sent)) {
            throw conflict("commandId", "command-id-reused", "commandId " + commandId
                    + " 已用于另一条内容不同（或由另一用户发出）的命令：重试须与原命令完全相同，新命令须用新的 commandId");
        }
        return Optional.of(receipt);
    }

    /**
     * What was kept of a command id: from the window; for an id older than the window that the filter may have
     * seen, from the budget's event stream; empty for an id never seen.
     */
    private Optional<CommandWindow.Kept> kept(String commandId, EventStore events) {
        Optional<CommandWindow.Kept> recent = commands.recent(commandId);
        if (recent.isPresent() || !commands.mayHaveSeen(commandId)) {
            return recent;
        }
        return new BudgetStream(events, budgetId).receipt(commandId);
    }

    long totalFen() {
        return totalFen;
    }

    /** The one way a line's amount is set, so that the total stays the lines' sum (below the budget limit, exact). */
    private void putLine(String lineId, Line line) {
        Line before = lines.put(lineId, line);
        totalFen += line.amountFen() - (before == null ? 0 : before.amountFen());
    }

    private Line existingLine(String field, String lineId) {
        if (lineId == null || lineId.isBlank()) {
            throw BudgetRuleException.invalid(field, "required", field + " 不能为空");
        }
        Line line = lines.get(lineId);
        if (line == null) {
            throw notFound(field, "unknown-line", "预算 " + budgetId + " 没有预算行 " + lineId);
        }
        return line;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Set<String> namedCodes() {
        return documentCodes == null ? Set.of() : documentCodes;
    }

    @EventSourcingHandler
    void on(BudgetOpened event, @SequenceNumber long sequence) {
        budgetId = event.budgetId();
        fiscalYear = event.fiscalYear();
        for (BudgetUnit unit : event.units()) {
            units.put(unit.code(), unit.type());
        }
        documentCodes = new HashSet<>(event.documentNames().keySet());
        lastSequence = sequence;
    }

    @EventSourcingHandler
    void on(DisclosureRecorded event, @SequenceNumber long sequence) {
        lastSequence = sequence;
    }

    @EventSourcingHandler
    void on(BudgetLineAppropriated event, @SequenceNumber long sequence, MetaData metaData) {
        putLine(event.lineId(), new Line(event.unitCode(), event.kind(), event.amountFen()));
        remember(event, sequence, metaData);
    }

    /** A file's lines: each as if appropriated alone, its receipt under its own command id. */
    @EventSourcingHandler
    void on(BudgetLinesAppropriated event, @SequenceNumber long sequence, MetaData metaData) {
        for (BudgetLineAppropriated line : event.lines()) {
            putLine(line.lineId(), new Line(line.unitCode(), line.kind(), line.amountFen()));
        }
        remember(event, sequence, metaData);
    }

    @EventSourcingHandler
    void on(BudgetLineAdjusted event, @SequenceNumber long sequence, MetaData metaData) {
        putLine(event.lineId(), lines.get(event.lineId()).withAmount(event.amountAfterFen()));
        remember(event, sequence, metaData);
    }

    @EventSourcingHandler
    void on(BudgetAmountTransferred event, @SequenceNumber long sequence, MetaData metaData) {
        putLine(event.fromLineId(), lines.get(event.fromLineId()).withAmount(event.fromAmountAfterFen()));
        putLine(event.toLineId(), lines.get(event.toLineId()).withAmount(event.toAmountAfterFen()));
        remember(event, sequence, metaData);
    }

    @EventSourcingHandler
    void on(BudgetEventReversed event, @SequenceNumber long sequence, MetaData metaData) {
        for (LineAmountChange change : event.changes()) {
            putLine(change.lineId(), lines.get(change.lineId()).withAmount(change.amountAfterFen()));
        }
        reversed.add(event.reversedSequence());
        remember(event, sequence, metaData);
    }

    @EventSourcingHandler
    void on(LineItemsImported event, @SequenceNumber long sequence, MetaData metaData) {
        importedFiles.add(event.fileSha256());
        remember(event, sequence, metaData);
    }

    @EventSourcingHandler
    void on(PriorYearFigureRecorded event, @SequenceNumber long sequence, MetaData metaData) {
        remember(event, sequence, metaData);
    }

    @EventSourcingHandler
    void on(ChangeReasonRecorded event, @SequenceNumber long sequence, MetaData metaData) {
        remember(event, sequence, metaData);
    }

    @EventSourcingHandler
    void on(CurrentYearFigureRecorded event, @SequenceNumber long sequence, MetaData metaData) {
        currentYearFigures.put(event.subject(), event.amountFen());
        remember(event, sequence, metaData);
    }

    /** Keeps the receipts of the command behind an event, with the command's fingerprint, in the window. */
    private void remember(Object event, long sequence, MetaData metaData) {
        String fingerprint = CommandFingerprint.kept(metaData);
        if (fingerprint == null && AggregateLifecycle.isLive() && CurrentUnitOfWork.isStarted()) {
            // Applied just now: Axon adds the command's correlation data only when it publishes the event, after
            // this handler ran, so the fingerprint is read from the command itself.
            fingerprint = CommandFingerprint.kept(CurrentUnitOfWork.get().getMessage().getMetaData());
        }
        for (CommandReceipt receipt : BudgetStream.receipts(event, sequence)) {
            commands.remember(receipt, fingerprint);
        }
        lastSequence = sequence;
    }
}
