package budgetledger.web;

import budgetledger.audit.AuditService;
import budgetledger.audit.History;
import budgetledger.audit.History.Entry;
import budgetledger.audit.History.Filter;
import budgetledger.audit.History.Moment;
import budgetledger.audit.Verification;
import budgetledger.security.ParameterChecks;
import budgetledger.command.BudgetRuleException;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetRow;
import budgetledger.query.DisclosureTablesView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit page: a budget's history as a timeline, newest first, every line named and every amount in 万元, with
 * filters (line, actor, type, dates), a download of the history as a workbook, each change's tables before and
 * after side by side, an 'as of' picker that opens any table as it stood at a moment, and for auditors the
 * verification of this budget and of the whole event chain, each labelled for what it covers.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    static final int CHECKPOINTS_SHOWN = 5;
    /** The largest history a download holds: far beyond a year of one budget's changes, and a bound all the same. */
    static final int MAX_EXPORT = 100_000;

    /** The event types of the history, as the timeline names them. */
    static final Map<String, String> TYPES = types();
    private static final Pattern YUAN = Pattern.compile("(-?[0-9][0-9,]*\\.[0-9]{2}) 元");

    private final History history;
    private final AuditService audit;
    private final LedgerReads reads;
    private final ConsoleClock clock;

    AuditPages(History history, AuditService audit, LedgerReads reads, ConsoleClock clock) {
        this.history = history;
        this.audit = audit;
        this.reads = reads;
        this.clock = clock;
    }

    /** One line's part in a change, by name, in 万元. */
    record LineRow(String lineId, String name, String detail, String before, String after, String delta,
                   long beforeFen, long afterFen, long deltaFen) {
    }

    /** A history entry as the timeline shows it. */
    record TimelineEntry(long sequence, long globalIndex, String time, String type, String typeLabel, String summary,
                         List<LineRow> changes, String actor, String source, String documentNo, String reason,
                         Long reverses, Long reversedBy, boolean reversible) {
    }

    @GetMapping("/budgets/{budgetId}/history")
    String history(@PathVariable String budgetId, @RequestParam(required = false) String line,
                   @RequestParam(required = false) String actor, @RequestParam(required = false) String type,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
        DisclosureTablesView view = reads.tables(budgetId);
        BudgetRow budget = view.budget();
        Map<String, LineChoice> lines = LineChoice.all(reads.lines(budgetId), budget);
        List<Entry> all = history.entries(budgetId);
        List<Entry> matching = matching(all, line, actor, type, from, to);
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        List<TimelineEntry> entries = matching.subList(shown * PAGE_SIZE,
                Math.min(matching.size(), (shown + 1) * PAGE_SIZE)).stream()
                .map(e -> describe(e, lines, clock, all)).toList();

        java.util.TreeSet<String> actors = new java.util.TreeSet<>();
        all.forEach(e -> actors.add(actorOf(e)));
        model.addAttribute("budget", budget);
        model.addAttribute("entries", entries);
        model.addAttribute("total", matching.size());
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("actors", actors);
        model.addAttribute("groups", LinePicker.groups(lines.values()));
        model.addAttribute("types", TYPES);
        model.addAttribute("filter", Map.of("line", nullToBlank(line), "actor", nullToBlank(actor),
                "type", nullToBlank(type), "from", nullToBlank(from), "to", nullToBlank(to)));
        model.addAttribute("titles", view.tables().stream().map(DisclosureTable::title).toList());
        model.addAttribute("now", clock.picker(Instant.now()));
        model.addAttribute("zone", clock.zoneLabel());
        model.addAttribute("budgetCheck", BudgetCheck.of(all, lines));
        if (user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_AUDITOR"))) {
            List<AuditService.Checkpoint> checkpoints = new ArrayList<>(audit.checkpoints());
            Collections.reverse(checkpoints);
            model.addAttribute("checkpoints", checkpoints.subList(0, Math.min(CHECKPOINTS_SHOWN, checkpoints.size()))
                    .stream().map(c -> Map.of("position", c.position(), "hash", c.hash(),
                            "takenAt", clock.show(c.takenAt()))).toList());
        }
        return "history";
    }

    /** The history as the filters select it, as a workbook: one row per line a change touched. */
    @GetMapping("/budgets/{budgetId}/history/xlsx")
    ResponseEntity<byte[]> historyXlsx(@PathVariable String budgetId, @RequestParam(required = false) String line,
                                       @RequestParam(required = false) String actor,
                                       @RequestParam(required = false) String type,
                                       @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        BudgetRow budget = reads.budget(budgetId);
        Map<String, LineChoice> lines = LineChoice.all(reads.lines(budgetId), budget);
        List<Entry> all = history.entries(budgetId);
        List<Entry> matching = matching(all, line, actor, type, from, to);
        if (matching.size() > MAX_EXPORT) {
            throw BudgetRuleException.invalid("from", "too-many", "所选历史超过 " + MAX_EXPORT + " 条，请缩小日期范围");
        }
        List<TimelineEntry> entries = matching.stream().map(e -> describe(e, lines, clock, all)).toList();
        byte[] workbook = HistoryXlsx.write(budget, entries, clock.zoneLabel());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", "attachment; filename=\"" + budgetId + "-history.xlsx\"")
                .body(workbook);
    }

    /**
     * A table just before and just after one change, side by side, the cells the change moved marked on both.
     * The first event of a budget has no 'before': the page says so.
     */
    @GetMapping("/budgets/{budgetId}/history/{sequence}/compare")
    String compare(@PathVariable String budgetId, @PathVariable long sequence,
                   @RequestParam(defaultValue = "3") int table, Model model) {
        DisclosureTablesView view = reads.tables(budgetId);
        BudgetRow budget = view.budget();
        if (table < 1 || table > DisclosureTables.COUNT) {
            throw BudgetRuleException.notFound("table", "unknown-table", "没有表" + table + "：表号为 1–13");
        }
        Map<String, LineChoice> lines = LineChoice.all(reads.lines(budgetId), budget);
        List<Entry> all = history.entries(budgetId);
        Entry entry = all.stream().filter(e -> e.sequence() == sequence).findFirst()
                .orElseThrow(() -> BudgetRuleException.notFound("sequence", "unknown-event",
                        "预算 " + budgetId + " 没有序号为 " + sequence + " 的变动"));
        boolean first = all.get(0).sequence() == sequence;
        DisclosureTable before = first ? null
                : history.tableAt(budgetId, table, new Moment(null, entry.globalIndex() - 1));
        DisclosureTable after = history.tableAt(budgetId, table, new Moment(null, entry.globalIndex()));
        TableComparison comparison = TableComparison.of(budget.fiscalYear(), before, after);
        model.addAttribute("budget", budget);
        model.addAttribute("entry", describe(entry, lines, clock, all));
        model.addAttribute("titles", view.tables().stream().map(DisclosureTable::title).toList());
        model.addAttribute("number", table);
        model.addAttribute("comparison", comparison);
        model.addAttribute("zone", clock.zoneLabel());
        return "compare";
    }

    @PostMapping("/audit/verify")
    String verify(@RequestParam(required = false) String budgetId, RedirectAttributes redirect) {
        Verification result = audit.verify();
        redirect.addFlashAttribute("verification", result);
        return back(budgetId);
    }

    @PostMapping("/audit/checkpoint")
    String checkpoint(@RequestParam(required = false) String budgetId, RedirectAttributes redirect) {
        AuditService.Checkpoint checkpoint = audit.checkpoint();
        redirect.addFlashAttribute("checkpoint", checkpoint);
        redirect.addFlashAttribute("checkpointTime", clock.show(checkpoint.takenAt()));
        return back(budgetId);
    }

    /**
     * This budget's own check, apart from the whole chain's: its events, its lines, and whether every line's balance
     * in the read model equals the balance replayed from this budget's events.
     */
    record BudgetCheck(int events, int lines, List<String> differing) {
        static BudgetCheck of(List<Entry> entries, Map<String, LineChoice> lines) {
            Map<String, Long> replayed = new HashMap<>();
            for (Entry entry : entries) {
                entry.changes().forEach(c -> replayed.put(c.lineId(), Money.fenOfYuan(c.after())));
            }
            List<String> differing = new ArrayList<>();
            lines.values().forEach(l -> {
                if (replayed.getOrDefault(l.lineId(), 0L) != l.amountFen()) {
                    differing.add(l.name());
                }
            });
            return new BudgetCheck(entries.size(), lines.size(), differing);
        }
    }

    /** Back to the budget's audit page; never to an address the request names. */
    private static String back(String budgetId) {
        return ParameterChecks.isBudgetId(budgetId) ? "redirect:/budgets/" + budgetId + "/history" : "redirect:/";
    }

    /** The entries the filters select, newest first. */
    private List<Entry> matching(List<Entry> all, String line, String actor, String type, String from, String to) {
        Filter filter = new Filter(blankToNull(line), null, blankToNull(type),
                blank(from) ? null : clock.startOf("from", from), blank(to) ? null : clock.endOf("to", to));
        String wantedActor = blankToNull(actor);
        List<Entry> matching = new ArrayList<>(all.stream().filter(filter::accepts)
                .filter(e -> wantedActor == null || wantedActor.equals(actorOf(e))).toList());
        Collections.reverse(matching);
        return matching;
    }

    /**
     * Who recorded an event. An event sent on a signed-in request names its user (an import through the console or
     * the API too); an import from the command line or the bundled sample at start runs with nobody signed in, and
     * the page says exactly that rather than a bare dash; the application's own events are the system's.
     */
    static String actorOf(Entry e) {
        if (e.actor() != null) {
            return e.actor();
        }
        return "import".equals(e.source()) ? "无登录用户（命令行或启动时导入）" : "系统";
    }

    /** An entry with its lines named and its amounts in 万元. */
    static TimelineEntry describe(Entry e, Map<String, LineChoice> lines, ConsoleClock clock, List<Entry> all) {
        String label = TYPES.getOrDefault(e.type(), e.type());
        List<LineRow> changes = new ArrayList<>();
        for (History.LineChange c : e.changes()) {
            LineChoice line = lines.get(c.lineId());
            long before = c.before() == null ? 0 : Money.fenOfYuan(c.before());
            long after = Money.fenOfYuan(c.after());
            long delta = Money.fenOfYuan(c.amount());
            changes.add(new LineRow(c.lineId(), line == null ? c.lineId() : line.name(),
                    line == null ? "" : line.detail(), c.before() == null ? "—" : Money.wan(before), Money.wan(after),
                    (delta > 0 ? "+" : "") + Money.wan(delta), before, after, delta));
        }
        String summary;
        // Every amount change names at least one line; an entry without (never seen) keeps the history's words.
        switch (changes.isEmpty() && !e.type().equals("BudgetEventReversed") ? "" : e.type()) {
            case "BudgetLineAdjusted" -> {
                LineRow row = changes.get(0);
                label = row.deltaFen() > 0 ? "追加" : "追减";
                summary = label + " " + Money.wan(Math.abs(row.deltaFen())) + " 万元：" + row.name();
            }
            case "BudgetLineAppropriated" -> summary = "年初预算 " + Money.wan(changes.get(0).deltaFen()) + " 万元："
                    + changes.get(0).name();
            case "BudgetAmountTransferred" -> {
                LineRow out = changes.stream().filter(r -> r.deltaFen() < 0).findFirst().orElse(changes.get(0));
                LineRow in = changes.stream().filter(r -> r != out).findFirst().orElse(out);
                summary = "调剂 " + Money.wan(in.deltaFen()) + " 万元：" + out.name() + " → " + in.name();
            }
            case "BudgetEventReversed" -> {
                // What was undone, in the same words as its own entry (a reversal is never itself reversed).
                String reversed = all.stream().filter(o -> e.reverses() != null && o.sequence() == e.reverses()
                                && !o.type().equals("BudgetEventReversed")).findFirst()
                        .map(o -> describe(o, lines, clock, all).summary()).orElse("");
                summary = "冲销第 " + e.reverses() + " 笔" + (reversed.isEmpty() ? "" : "（" + reversed + "）");
            }
            default -> summary = inWan(e.summary());
        }
        boolean reversible = ChangeForms.REVERSIBLE.contains(e.type()) && e.reversedBy() == null;
        return new TimelineEntry(e.sequence(), e.globalIndex(), clock.show(e.recordedAt()), e.type(), label, summary,
                changes, actorOf(e), sourceLabel(e.source()), e.documentNo(), e.reason(), e.reverses(),
                e.reversedBy(), reversible);
    }

    /** The history's own words for other events carry 元 amounts: shown in 万元 like every other amount here. */
    private static String inWan(String summary) {
        Matcher m = YUAN.matcher(summary);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, Matcher.quoteReplacement(Money.wan(Money.fenOfYuan(m.group(1))) + " 万元"));
        }
        m.appendTail(text);
        return text.toString();
    }

    private static String sourceLabel(String source) {
        if (source == null) {
            return "—";
        }
        return switch (source) {
            case "api" -> "控制台 / 接口";
            case "import" -> "导入";
            case "internal" -> "系统";
            default -> source;
        };
    }

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("BudgetAmountTransferred", "调剂");
        types.put("BudgetLineAdjusted", "追加 / 追减");
        types.put("BudgetLineAppropriated", "年初预算");
        types.put("BudgetEventReversed", "冲销");
        types.put("PriorYearFigureRecorded", "上年数");
        types.put("ChangeReasonRecorded", "变动原因");
        types.put("CurrentYearFigureRecorded", "本年数（政府采购）");
        types.put("ProcurementRecorded", "政府采购项目");
        types.put("DisclosureRecorded", "记录公开文档");
        types.put("LineItemsImported", "导入预算行文件");
        types.put("BudgetOpened", "开立预算");
        return Collections.unmodifiableMap(types);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text.strip();
    }

    private static String nullToBlank(String text) {
        return text == null ? "" : text;
    }
}
