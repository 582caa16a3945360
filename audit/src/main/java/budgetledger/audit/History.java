package budgetledger.audit;

import budgetledger.command.BudgetRuleException;
import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetOpened;
import budgetledger.events.ChangeReasonRecorded;
import budgetledger.events.CurrentYearFigureRecorded;
import budgetledger.events.DisclosureRecorded;
import budgetledger.events.PriorYearFigureRecorded;
import budgetledger.model.Yuan;
import budgetledger.model.table.DisclosureTable;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.query.DocumentLines;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A budget's history for auditors, replayed from its events: each change with the amounts before and after and
 * who recorded it, under which 文号 and why; the tables as they stood at any moment; and the changes between two.
 */
@Service
public class History {

    public static final int MAX_PAGE_SIZE = 500;
    /** The last page number asked for that is not refused: beyond it, no budget has entries anyway. */
    public static final int MAX_PAGE = 1_000_000;

    /** One line's part in an event: its amount before and after, in 元. */
    public record LineChange(String lineId, String before, String after, String amount) {
    }

    public record Entry(long sequence, long globalIndex, String type, Instant recordedAt, String summary,
                        List<LineChange> changes, Long reverses, Long reversedBy, String actor, String source,
                        String documentNo, String reason, String commandId, String correlationId, String provenance) {
    }

    public record Page(String budgetId, int page, int size, int total, List<Entry> entries) {
    }

    /** Filters of the history; null means any. */
    public record Filter(String lineId, String actor, String type, Instant from, Instant to) {
        public boolean accepts(Entry entry) {
            return (lineId == null || entry.changes().stream().anyMatch(c -> c.lineId().equals(lineId)))
                    && (actor == null || actor.equals(entry.actor()))
                    && (type == null || type.equals(entry.type()))
                    && (from == null || !entry.recordedAt().isBefore(from))
                    && (to == null || !entry.recordedAt().isAfter(to));
        }
    }

    /** A moment of the ledger: a time, or a global position in the event store. */
    public record Moment(Instant time, Long position) {
        boolean includes(BudgetJournal.Entry entry) {
            return time != null ? !entry.time().isAfter(time) : entry.globalIndex() <= position;
        }

        /** An ISO-8601 instant, or a number for a global position. */
        public static Moment parse(String field, String text) {
            if (text == null || text.isBlank()) {
                throw BudgetRuleException.invalid(field, "required", field + " 不能为空");
            }
            if (text.matches("\\d{1,18}")) {
                return new Moment(null, Long.parseLong(text));
            }
            try {
                return new Moment(Instant.parse(text), null);
            } catch (java.time.format.DateTimeParseException e) {
                throw BudgetRuleException.invalid(field, "malformed-moment",
                        field + " 应为 ISO-8601 时刻（如 2026-03-01T00:00:00Z）或全局序号");
            }
        }
    }

    /** How a line stood at two moments. */
    public record LineDifference(String lineId, String unitCode, String functionalCode, String kind, String project,
                                 String from, String to, String delta, List<Long> sequences) {
    }

    private final BudgetJournal journal;

    public History(BudgetJournal journal) {
        this.journal = journal;
    }

    public Page page(String budgetId, Filter filter, int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw BudgetRuleException.invalid("page", "out-of-range", "page 应在 0 到 " + MAX_PAGE + " 之间");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw BudgetRuleException.invalid("size", "out-of-range", "size 应在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        List<Entry> matching = entries(budgetId).stream().filter(filter::accepts).toList();
        // page × size in long: with the bounds above it cannot overflow, and a page past the end is empty.
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new Page(budgetId, page, size, matching.size(), matching.subList(from, to));
    }

    /** Every entry of the budget, oldest first. */
    public List<Entry> entries(String budgetId) {
        List<BudgetJournal.Entry> events = journal.entries(budgetId);
        Map<Long, Long> reversedBy = new HashMap<>();
        for (BudgetJournal.Entry event : events) {
            if (event.payload() instanceof BudgetEventReversed e) {
                reversedBy.put(e.reversedSequence(), event.sequence());
            }
        }
        LedgerReplay replay = new LedgerReplay();
        List<Entry> entries = new ArrayList<>();
        for (BudgetJournal.Entry event : events) {
            Map<String, Long> before = replay.apply(event);
            List<LineChange> changes = new ArrayList<>();
            before.forEach((lineId, amountBefore) -> {
                long after = replay.amount(lineId);
                long was = amountBefore == null ? 0 : amountBefore;
                changes.add(new LineChange(lineId, amountBefore == null ? null : Yuan.format(was),
                        Yuan.format(after), Yuan.format(after - was)));
            });
            Long reverses = event.payload() instanceof BudgetEventReversed e ? e.reversedSequence() : null;
            entries.add(new Entry(event.sequence(), event.globalIndex(), event.type(), event.time(),
                    summary(event.payload()), changes, reverses, reversedBy.get(event.sequence()), event.meta("actor"),
                    event.meta("source"), event.meta("documentNo"), event.meta("reason"), event.meta("commandId"),
                    event.meta("correlationId"), event.meta("provenance")));
        }
        return entries;
    }

    /** The table as it stood at a moment, rendered from the events up to it. */
    public DisclosureTable tableAt(String budgetId, int number, Moment moment) {
        LedgerReplay replay = replayUntil(budgetId, moment.position(), moment::includes);
        return DisclosureTables.render(number, DocumentLines.header(replay.budget()),
                DocumentLines.lines(replay.lines()));
    }

    /** Lines whose amount differs between two moments (new lines count from zero), with the events between. */
    public List<LineDifference> diff(String budgetId, Moment from, Moment to) {
        List<BudgetJournal.Entry> events = journal.entries(budgetId);
        LedgerReplay before = new LedgerReplay();
        LedgerReplay after = new LedgerReplay();
        Map<String, List<Long>> sequences = new HashMap<>();
        for (BudgetJournal.Entry event : events) {
            boolean inFrom = from.includes(event);
            if (inFrom) {
                before.apply(event);
            }
            if (to.includes(event)) {
                Map<String, Long> touched = after.apply(event);
                if (!inFrom) {
                    touched.keySet().forEach(line -> sequences.computeIfAbsent(line, k -> new ArrayList<>())
                            .add(event.sequence()));
                }
            }
        }
        if (!after.opened()) {
            return List.of();
        }
        List<LineDifference> differences = new ArrayList<>();
        after.lines().forEach(line -> {
            long was = before.amount(line.lineId());
            if (was != line.amountFen() || sequences.containsKey(line.lineId())) {
                differences.add(new LineDifference(line.lineId(), line.unitCode(), line.functionalCode(),
                        line.kind().label(), line.project(), Yuan.format(was), Yuan.format(line.amountFen()),
                        Yuan.format(line.amountFen() - was), sequences.getOrDefault(line.lineId(), List.of())));
            }
        });
        return differences;
    }

    private LedgerReplay replayUntil(String budgetId, Long position, Predicate<BudgetJournal.Entry> included) {
        LedgerReplay replay = new LedgerReplay();
        for (BudgetJournal.Entry event : journal.entries(budgetId, position)) {
            if (included.test(event)) {
                replay.apply(event);
            }
        }
        if (!replay.opened()) {
            throw BudgetRuleException.notFound("asOf", "not-yet-opened", "预算 " + budgetId + " 在那时尚未开立");
        }
        return replay;
    }

    private static String summary(Object payload) {
        if (payload instanceof BudgetOpened e) {
            return "开立预算：" + e.departmentName() + " " + e.fiscalYear() + " 年，" + e.units().size() + " 个预算单位";
        }
        if (payload instanceof DisclosureRecorded e) {
            return "记录公开文档 " + e.documentNo();
        }
        if (payload instanceof budgetledger.events.LineItemsImported e) {
            return "导入预算行文件 " + e.fileName() + "：" + e.lines() + " 行，" + e.adjustments() + " 笔追加追减，"
                    + e.transfers() + " 笔调剂";
        }
        if (payload instanceof BudgetLineAppropriated e) {
            return "年初预算 " + e.lineId() + "：" + Yuan.format(e.amountFen()) + " 元";
        }
        if (payload instanceof BudgetLineAdjusted e) {
            return (e.amountFen() > 0 ? "追加 " : "追减 ") + e.lineId() + "：" + Yuan.format(Math.abs(e.amountFen())) + " 元";
        }
        if (payload instanceof BudgetAmountTransferred e) {
            return "调剂 " + e.fromLineId() + " → " + e.toLineId() + "：" + Yuan.format(e.amountFen()) + " 元";
        }
        if (payload instanceof BudgetEventReversed e) {
            return "冲销事件 #" + e.reversedSequence() + "（" + e.reversedEventType() + "）";
        }
        if (payload instanceof PriorYearFigureRecorded e) {
            return "上年数 " + e.subject().label() + "：" + Yuan.format(e.amountFen()) + " 元";
        }
        if (payload instanceof CurrentYearFigureRecorded e) {
            return "本年数 " + e.subject().label() + "：" + Yuan.format(e.amountFen()) + " 元";
        }
        if (payload instanceof budgetledger.events.ProcurementRecorded e) {
            return "政府采购 " + e.items().size() + " 项：" + Yuan.format(e.items().stream()
                    .mapToLong(budgetledger.model.ProcurementItem::totalFen).sum()) + " 元";
        }
        if (payload instanceof ChangeReasonRecorded e) {
            return "变动原因 " + e.subject().label() + "：" + e.reason();
        }
        return payload.getClass().getSimpleName();
    }
}
