package budgetledger.web;

import budgetledger.audit.History;
import budgetledger.audit.History.Moment;
import budgetledger.command.BudgetRuleException;
import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetRow;
import budgetledger.model.BudgetSubject;
import budgetledger.query.DisclosureTablesView;
import budgetledger.query.HeadlineFigures;
import budgetledger.query.yoy.Percent;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.disclosure.tables.TableCsv;
import budgetledger.disclosure.tables.TableXlsx;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The budgets, a budget's overview, its thirteen tables (now or as they stood at a moment) and their reconciliation. */
@Controller
class BudgetPages {

    private static final Set<String> READERS = Set.of("ROLE_FINANCE", "ROLE_AUDITOR", "ROLE_ANALYST");
    /** Excel reads a CSV as UTF-8 only after a byte-order mark; the API serves none, the console's download does. */
    private static final String BOM = "\uFEFF";

    private final LedgerReads reads;
    private final History history;
    private final ConsoleClock clock;

    BudgetPages(LedgerReads reads, History history, ConsoleClock clock) {
        this.reads = reads;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/")
    String budgets(Authentication user, Model model) {
        boolean reader = user.getAuthorities().stream().anyMatch(a -> READERS.contains(a.getAuthority()));
        if (!reader && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))) {
            // An administrator reads no budget: their start page is the users.
            return "redirect:/admin/users";
        }
        model.addAttribute("reader", reader);
        if (reader) {
            model.addAttribute("budgets", reads.budgets().stream()
                    .sorted(Comparator.comparing(BudgetRow::departmentCode)
                            .thenComparing(BudgetRow::fiscalYear, Comparator.reverseOrder())).toList());
        }
        return "budgets";
    }

    @GetMapping("/budgets/{budgetId}")
    String budget(@PathVariable String budgetId, Model model) {
        DisclosureTablesView view = reads.tables(budgetId);
        model.addAttribute("budget", view.budget());
        model.addAttribute("tables", view.tables());
        model.addAttribute("reconciliation", reads.reconciliation(budgetId).orElse(null));
        model.addAttribute("lineCount", reads.lines(budgetId).size());
        model.addAttribute("headline", Headline.of(reads.headlineFigures(budgetId)));
        return "budget";
    }

    /** A headline figure of the overview: this year's in 万元 and its change on last year, when last year is known. */
    record Headline(String subject, String label, String value, String change, int sign, String share) {

        private static final List<BudgetSubject> SHOWN = List.of(BudgetSubject.TOTAL, BudgetSubject.BASIC_EXPENDITURE,
                BudgetSubject.PROJECT_EXPENDITURE, BudgetSubject.THREE_PUBLIC_TOTAL,
                BudgetSubject.AGENCY_OPERATING_COST, BudgetSubject.GOVERNMENT_PROCUREMENT);

        static List<Headline> of(HeadlineFigures figures) {
            long total = figures.thisYear().getOrDefault(BudgetSubject.TOTAL, 0L);
            List<Headline> shown = new java.util.ArrayList<>();
            for (BudgetSubject subject : SHOWN) {
                Long now = figures.thisYear().get(subject);
                if (now == null) {
                    continue;
                }
                Long last = figures.lastYear().figure(subject).orElse(null);
                String change;
                int sign = 0;
                if (last == null) {
                    change = "无上年数";
                } else {
                    long delta = now - last;
                    sign = Long.signum(delta);
                    java.math.BigDecimal percent = last == 0 ? null : Percent.change(last, now);
                    change = delta == 0 ? "与上年持平" : "比上年" + (delta > 0 ? "增加 " : "减少 ")
                            + Money.wanRounded(Math.abs(delta)) + " 万元"
                            + (percent == null ? "" : "（" + (delta > 0 ? "增长 " : "下降 ")
                            + percent.abs().toPlainString() + "%）");
                }
                String share = (subject == BudgetSubject.BASIC_EXPENDITURE || subject == BudgetSubject.PROJECT_EXPENDITURE)
                        && total > 0 ? "占 " + Percent.share(now, total).toPlainString() + "%" : "";
                shown.add(new Headline(subject.name(), subject == BudgetSubject.THREE_PUBLIC_TOTAL ? "“三公”经费"
                        : subject == BudgetSubject.TOTAL ? "收支总计" : subject.label(), Money.wanRounded(now), change,
                        sign, share));
            }
            return shown;
        }
    }

    /**
     * Table {@code number}: now, or as it stood at {@code asOf} (a datetime-local value in the console's zone) or at
     * {@code atPosition} (a global position of the event store, as the history links it).
     */
    @GetMapping("/budgets/{budgetId}/tables/{number}")
    String table(@PathVariable String budgetId, @PathVariable int number,
                 @RequestParam(required = false) String asOf, @RequestParam(required = false) Long atPosition,
                 Model model) {
        DisclosureTablesView view = reads.tables(budgetId);
        Moment moment = moment(asOf, atPosition);
        DisclosureTable table = table(budgetId, number, view, moment);
        @SuppressWarnings("unchecked")
        Set<String> changed = model.containsAttribute("changedCodes")
                ? Set.copyOf((List<String>) model.getAttribute("changedCodes")) : Set.of();
        model.addAttribute("budget", view.budget());
        model.addAttribute("titles", view.tables().stream().map(DisclosureTable::title).toList());
        TablePage page = TablePage.of(view.budget().fiscalYear(), table, changed);
        if (moment == null && model.getAttribute("done") instanceof ChangeForms.Done done && done.sequence() != null) {
            page = markedSince(budgetId, number, done.sequence(), page);
        }
        model.addAttribute("table", page);
        model.addAttribute("asOf", moment == null ? null
                : moment.time() != null ? clock.show(moment.time()) + "（" + clock.zoneLabel() + "）"
                : positionAsTime(budgetId, moment.position()));
        model.addAttribute("asOfValue", asOf);
        model.addAttribute("atPosition", atPosition);
        return "table";
    }

    /**
     * A position of the event store as a person reads it: the moment of this budget's last change up to it, and which
     * change that was; the store's global index is internal and means nothing on this page.
     */
    private String positionAsTime(String budgetId, long position) {
        History.Entry last = null;
        for (History.Entry entry : history.entries(budgetId)) {
            if (entry.globalIndex() <= position) {
                last = entry;
            }
        }
        if (last == null) {
            return "预算开立之前";
        }
        return clock.show(last.recordedAt()) + "（" + clock.zoneLabel() + "），第 " + last.sequence() + " 笔记录（"
                + AuditPages.TYPES.getOrDefault(last.type(), last.type()) + "）之后";
    }

    /**
     * After a change, the cells it moved: the table as it stood just before the change's event, compared cell by
     * cell with the table now (parents and totals included; a transfer within one 款 leaves them unmarked).
     */
    private TablePage markedSince(String budgetId, int number, long sequence, TablePage now) {
        for (History.Entry entry : history.entries(budgetId)) {
            if (entry.sequence() == sequence && sequence > 0) {
                DisclosureTable before = history.tableAt(budgetId, number, new Moment(null, entry.globalIndex() - 1));
                return now.marking(TablePage.of(reads.budget(budgetId).fiscalYear(), before, Set.of()));
            }
        }
        return now;
    }

    /** The audit page's 'as of' picker: a table and a moment, to that table as it stood then. */
    @GetMapping("/budgets/{budgetId}/as-of")
    String asOf(@PathVariable String budgetId, @RequestParam(defaultValue = "1") int table, @RequestParam String asOf) {
        clock.moment("asOf", asOf);
        int number = table >= 1 && table <= DisclosureTables.COUNT ? table : 1;
        return "redirect:" + UriComponentsBuilder.fromPath("/budgets/{id}/tables/{n}").queryParam("asOf", asOf)
                .buildAndExpand(budgetId, number).encode().toUriString();
    }

    @GetMapping("/budgets/{budgetId}/tables/{number}/csv")
    ResponseEntity<String> tableCsv(@PathVariable String budgetId, @PathVariable int number,
                                    @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) Long atPosition) {
        DisclosureTable table = table(budgetId, number, reads.tables(budgetId), moment(asOf, atPosition));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + budgetId + "-table" + number + ".csv\"")
                .body(BOM + TableCsv.write(table));
    }

    @GetMapping("/budgets/{budgetId}/tables/{number}/xlsx")
    ResponseEntity<byte[]> tableXlsx(@PathVariable String budgetId, @PathVariable int number,
                                     @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) Long atPosition) {
        DisclosureTablesView view = reads.tables(budgetId);
        DisclosureTable table = table(budgetId, number, view, moment(asOf, atPosition));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", "attachment; filename=\"" + budgetId + "-table" + number + ".xlsx\"")
                .body(TableXlsx.write(List.of(table), view.budget().fiscalYear(), view.budget().departmentName()));
    }

    @GetMapping("/budgets/{budgetId}/reconciliation")
    String reconciliation(@PathVariable String budgetId, Model model) {
        model.addAttribute("budget", reads.budget(budgetId));
        Reconciliation.Report report = reads.reconciliation(budgetId).orElse(null);
        model.addAttribute("report", report);
        return "reconciliation";
    }

    private DisclosureTable table(String budgetId, int number, DisclosureTablesView view, Moment moment) {
        if (number < 1 || number > view.tables().size()) {
            throw BudgetRuleException.notFound("number", "unknown-table", "没有表" + number + "：表号为 1–"
                    + view.tables().size());
        }
        return moment == null ? view.tables().get(number - 1) : history.tableAt(budgetId, number, moment);
    }

    private Moment moment(String asOf, Long atPosition) {
        if (atPosition != null) {
            if (atPosition < 0) {
                throw BudgetRuleException.invalid("atPosition", "malformed-position", "全局序号不能为负数");
            }
            return new Moment(null, atPosition);
        }
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        Instant time = clock.moment("asOf", asOf);
        return new Moment(time, null);
    }
}
