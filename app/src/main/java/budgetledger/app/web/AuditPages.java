package budgetledger.app.web;

import budgetledger.app.audit.AuditService;
import budgetledger.app.audit.History;
import budgetledger.app.audit.History.Entry;
import budgetledger.app.audit.History.Filter;
import budgetledger.app.audit.Verification;
import budgetledger.app.http.ParameterChecks;
import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetRow;
import budgetledger.query.DisclosureTablesView;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The audit page: a budget's history as a timeline, newest first, with filters (line, actor, type, dates); an 'as of'
 * picker that opens any table as it stood at a moment; for auditors, verification of the event store and checkpoints.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    static final int CHECKPOINTS_SHOWN = 5;

    /** The event types of the history, as the timeline names them. */
    static final Map<String, String> TYPES = types();

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

    /** A history entry as the timeline shows it. */
    record TimelineEntry(long sequence, long globalIndex, String time, String type, String typeLabel, String summary,
                         List<History.LineChange> changes, String actor, String source, String documentNo,
                         String reason, Long reverses, Long reversedBy) {
    }

    @GetMapping("/budgets/{budgetId}/history")
    String history(@PathVariable String budgetId, @RequestParam(required = false) String line,
                   @RequestParam(required = false) String actor, @RequestParam(required = false) String type,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
        DisclosureTablesView view = reads.tables(budgetId);
        BudgetRow budget = view.budget();
        Filter filter = new Filter(blankToNull(line), blankToNull(actor), blankToNull(type),
                blank(from) ? null : clock.startOf("from", from), blank(to) ? null : clock.endOf("to", to));
        List<Entry> all = history.entries(budgetId);
        List<Entry> matching = new ArrayList<>(all.stream().filter(filter::accepts).toList());
        Collections.reverse(matching);
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        List<TimelineEntry> entries = matching.subList(shown * PAGE_SIZE,
                Math.min(matching.size(), (shown + 1) * PAGE_SIZE)).stream().map(this::entry).toList();

        TreeSet<String> actors = new TreeSet<>();
        TreeSet<String> lines = new TreeSet<>((a, b) -> Long.compare(Long.parseLong(a.substring(1)),
                Long.parseLong(b.substring(1))));
        all.forEach(e -> {
            if (e.actor() != null) {
                actors.add(e.actor());
            }
            e.changes().forEach(c -> lines.add(c.lineId()));
        });
        model.addAttribute("budget", budget);
        model.addAttribute("entries", entries);
        model.addAttribute("total", matching.size());
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("actors", actors);
        model.addAttribute("lineIds", lines);
        model.addAttribute("types", TYPES);
        model.addAttribute("filter", Map.of("line", nullToBlank(line), "actor", nullToBlank(actor),
                "type", nullToBlank(type), "from", nullToBlank(from), "to", nullToBlank(to)));
        model.addAttribute("titles", view.tables().stream().map(DisclosureTable::title).toList());
        model.addAttribute("now", clock.picker(Instant.now()));
        model.addAttribute("zone", clock.zoneLabel());
        if (user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_AUDITOR"))) {
            List<AuditService.Checkpoint> checkpoints = new ArrayList<>(audit.checkpoints());
            Collections.reverse(checkpoints);
            model.addAttribute("checkpoints", checkpoints.subList(0, Math.min(CHECKPOINTS_SHOWN, checkpoints.size()))
                    .stream().map(c -> Map.of("position", c.position(), "hash", c.hash(),
                            "takenAt", clock.show(c.takenAt()))).toList());
        }
        return "history";
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

    /** Back to the budget's audit page; never to an address the request names. */
    private static String back(String budgetId) {
        return ParameterChecks.isBudgetId(budgetId) ? "redirect:/budgets/" + budgetId + "/history" : "redirect:/";
    }

    private TimelineEntry entry(Entry e) {
        String label = TYPES.getOrDefault(e.type(), e.type());
        if (e.type().equals("BudgetLineAdjusted")) {
            label = e.summary().startsWith("追加") ? "追加" : "追减";
        }
        return new TimelineEntry(e.sequence(), e.globalIndex(), clock.show(e.recordedAt()), e.type(), label,
                e.summary(), e.changes(), e.actor(), e.source(), e.documentNo(), e.reason(), e.reverses(),
                e.reversedBy());
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
        types.put("DisclosureRecorded", "记录公开文档");
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
