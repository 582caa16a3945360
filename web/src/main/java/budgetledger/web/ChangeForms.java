package budgetledger.web;

import budgetledger.audit.History;
import budgetledger.processing.ReadYourWrites;
import budgetledger.command.BudgetRuleException;
import budgetledger.command.api.AdjustBudgetLine;
import budgetledger.command.api.CommandReceipt;
import budgetledger.command.api.ReverseBudgetEvent;
import budgetledger.command.api.TransferBetweenLines;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.model.text.TextRules;
import budgetledger.projections.BudgetRow;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The forms of finance staff: 追加 / 追减 of one line, 调剂 between two, and 冲销 of an earlier change. Each goes in
 * two steps: the form is checked as a whole (every problem beside its field at once), then a confirmation shows the
 * lines by name with their balances before and after, the amount in 万元 and 元, the 文号 and the reason; only the
 * confirmation sends the command, through the same gateway as the API. Amounts are typed in 万元, the unit of every
 * table, unless 元 is chosen explicitly: typing "5" never records 5 元 by accident.
 */
@Controller
class ChangeForms {

    static final String INCREASE = "increase";
    static final String DECREASE = "decrease";
    /** The form's steps: check and show the confirmation; send; back to the form with what was typed. */
    static final String CONFIRM = "confirm";
    static final String EDIT = "edit";

    /** The fields the ledger's rules name, as the forms label them. */
    private static final Map<String, String> LABELS = Map.of("lineId", "预算行", "fromLineId", "调出行",
            "toLineId", "调入行", "amount", "金额", "direction", "方向", "documentNo", "文号", "reason", "原因",
            "sequence", "被冲销的变动");
    private static final int MAX_DOCUMENT_NO = 100;
    private static final int MAX_REASON = 2000;
    /** The events the console offers to undo by 冲销 (the aggregate decides: BudgetStream.reversible). */
    static final Set<String> REVERSIBLE = Set.of("BudgetLineAppropriated", "BudgetLineAdjusted",
            "BudgetAmountTransferred");

    record AdjustForm(String lineId, String direction, String amount, String unit, String documentNo, String reason,
                      String commandId, String step) {
        static AdjustForm blank() {
            return new AdjustForm("", INCREASE, "", "wan", "", "", newCommandId(), "");
        }
    }

    record TransferForm(String fromLineId, String toLineId, String amount, String unit, String documentNo,
                        String reason, String commandId, String step) {
        static TransferForm blank() {
            return new TransferForm("", "", "", "wan", "", "", newCommandId(), "");
        }
    }

    record ReversalForm(Long sequence, String documentNo, String reason, String commandId, String step) {
    }

    /** A line a change touches: its name, balance before and after (万元 and 元). */
    record Touched(String lineId, String name, String detail, String beforeWan, String afterWan, String beforeYuan,
                   String afterYuan) {
        static Touched of(LineChoice line, long beforeFen, long afterFen) {
            return new Touched(line.lineId(), line.name(), line.detail(), Money.wan(beforeFen), Money.wan(afterFen),
                    Money.yuan(beforeFen), Money.yuan(afterFen));
        }
    }

    /** What a confirmation or the banner after a change shows; {@code sequence} is the recorded event's. */
    record Done(String what, String amount, String documentNo, String reason, List<Touched> lines, Long sequence) {
    }

    private final CommandGateway commands;
    private final LedgerReads reads;
    private final ReadYourWrites readModels;
    private final History history;
    private final ConsoleClock clock;

    ChangeForms(CommandGateway commands, LedgerReads reads, ReadYourWrites readModels, History history,
                ConsoleClock clock) {
        this.commands = commands;
        this.reads = reads;
        this.readModels = readModels;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/budgets/{budgetId}/changes")
    String changes(@PathVariable String budgetId, @RequestParam(required = false) Integer back, Model model) {
        return page(budgetId, back, AdjustForm.blank(), TransferForm.blank(), null, Map.of(), model);
    }

    @PostMapping("/budgets/{budgetId}/adjustments")
    String adjust(@PathVariable String budgetId, @ModelAttribute AdjustForm form,
                  @RequestParam(required = false) Integer back, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        BudgetRow budget = reads.budget(budgetId);
        Map<String, LineChoice> lines = LineChoice.all(reads.lines(budgetId), budget);
        if (EDIT.equals(form.step())) {
            return page(budgetId, back, form, TransferForm.blank(), null, Map.of(), model);
        }
        Problems problems = new Problems();
        LineChoice line = problems.line("lineId", form.lineId(), lines);
        boolean increase = INCREASE.equals(form.direction());
        if (!increase && !DECREASE.equals(form.direction())) {
            problems.add("direction", "请选择追加或追减");
        }
        Long fen = problems.amount(form.amount(), form.unit());
        problems.text("documentNo", form.documentNo(), MAX_DOCUMENT_NO);
        problems.text("reason", form.reason(), MAX_REASON);
        if (line != null && fen != null && DECREASE.equals(form.direction()) && fen > line.amountFen()) {
            problems.conflict("amount", "追减 " + Money.wan(fen) + " 万元，超过该行余额 " + line.balance() + " 万元");
        }
        if (!problems.isEmpty()) {
            response.setStatus(problems.status());
            return page(budgetId, back, form, TransferForm.blank(), "adjust", problems.errors, model);
        }
        long signed = increase ? fen : -fen;
        String what = (increase ? "追加" : "追减");
        if (!CONFIRM.equals(form.step())) {
            Done draft = new Done(what, Money.both(fen), form.documentNo(), form.reason(),
                    List.of(Touched.of(line, line.amountFen(), line.amountFen() + signed)), null);
            return confirmation(budget, back, "adjust", draft, Map.of("lineId", form.lineId(),
                    "direction", form.direction(), "amount", form.amount(), "unit", form.unit(),
                    "documentNo", form.documentNo(), "reason", form.reason(), "commandId", form.commandId()), model);
        }
        try {
            CommandReceipt receipt = commands.sendAndWait(new AdjustBudgetLine(budgetId, line.lineId(),
                    BigDecimal.valueOf(signed, 2), form.documentNo(), form.reason(), form.commandId()));
            long after = receipt.lines().get(0).amountFen();
            return done(budget, back, new Done(what, Money.both(fen), form.documentNo(), form.reason(),
                    List.of(Touched.of(line, after - signed, after)), receipt.sequence()), redirect);
        } catch (RuntimeException e) {
            BudgetRuleException rule = ruleOf(e).orElseThrow(() -> e);
            response.setStatus(status(rule));
            return page(budgetId, back, form, TransferForm.blank(), "adjust", errors(rule, lines, false), model);
        }
    }

    @PostMapping("/budgets/{budgetId}/transfers")
    String transfer(@PathVariable String budgetId, @ModelAttribute TransferForm form,
                    @RequestParam(required = false) Integer back, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        BudgetRow budget = reads.budget(budgetId);
        Map<String, LineChoice> lines = LineChoice.all(reads.lines(budgetId), budget);
        if (EDIT.equals(form.step())) {
            return page(budgetId, back, AdjustForm.blank(), form, null, Map.of(), model);
        }
        Problems problems = new Problems();
        LineChoice from = problems.line("fromLineId", form.fromLineId(), lines);
        LineChoice to = problems.line("toLineId", form.toLineId(), lines);
        if (from != null && to != null && from.lineId().equals(to.lineId())) {
            problems.add("toLineId", "调入行不能与调出行相同");
        }
        Long fen = problems.amount(form.amount(), form.unit());
        problems.text("documentNo", form.documentNo(), MAX_DOCUMENT_NO);
        problems.text("reason", form.reason(), MAX_REASON);
        if (from != null && fen != null && fen > from.amountFen()) {
            problems.conflict("amount", "调出行余额 " + from.balance() + " 万元，不足以调出 " + Money.wan(fen) + " 万元");
        }
        if (!problems.isEmpty()) {
            response.setStatus(problems.status());
            return page(budgetId, back, AdjustForm.blank(), form, "transfer", problems.errors, model);
        }
        if (!CONFIRM.equals(form.step())) {
            Done draft = new Done("调剂", Money.both(fen), form.documentNo(), form.reason(),
                    List.of(Touched.of(from, from.amountFen(), from.amountFen() - fen),
                            Touched.of(to, to.amountFen(), to.amountFen() + fen)), null);
            return confirmation(budget, back, "transfer", draft, Map.of("fromLineId", form.fromLineId(),
                    "toLineId", form.toLineId(), "amount", form.amount(), "unit", form.unit(),
                    "documentNo", form.documentNo(), "reason", form.reason(), "commandId", form.commandId()), model);
        }
        try {
            CommandReceipt receipt = commands.sendAndWait(new TransferBetweenLines(budgetId, from.lineId(),
                    to.lineId(), BigDecimal.valueOf(fen, 2), form.documentNo(), form.reason(), form.commandId()));
            long fromAfter = receipt.lines().get(0).amountFen();
            long toAfter = receipt.lines().get(1).amountFen();
            return done(budget, back, new Done("调剂", Money.both(fen), form.documentNo(), form.reason(),
                    List.of(Touched.of(from, fromAfter + fen, fromAfter), Touched.of(to, toAfter - fen, toAfter)),
                    receipt.sequence()), redirect);
        } catch (RuntimeException e) {
            BudgetRuleException rule = ruleOf(e).orElseThrow(() -> e);
            response.setStatus(status(rule));
            return page(budgetId, back, AdjustForm.blank(), form, "transfer", errors(rule, lines, true), model);
        }
    }

    /** The 冲销 form of one earlier change: what it did, and what undoing it does to each line. */
    @GetMapping("/budgets/{budgetId}/reversals/{sequence}")
    String reversalForm(@PathVariable String budgetId, @PathVariable long sequence, Model model) {
        return reversalPage(budgetId, new ReversalForm(sequence, "", "", newCommandId(), ""), Map.of(), model);
    }

    @PostMapping("/budgets/{budgetId}/reversals")
    String reverse(@PathVariable String budgetId, @ModelAttribute ReversalForm form, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        Problems problems = new Problems();
        if (form.sequence() == null) {
            throw BudgetRuleException.invalid("sequence", "required", "请指明要冲销的变动");
        }
        problems.text("documentNo", form.documentNo(), MAX_DOCUMENT_NO);
        problems.text("reason", form.reason(), MAX_REASON);
        Reversal reversal = reversal(budgetId, form.sequence());
        if (reversal.refusal() != null) {
            problems.conflict("sequence", reversal.refusal());
        }
        if (!problems.isEmpty() || !CONFIRM.equals(form.step())) {
            response.setStatus(problems.isEmpty() ? HttpStatus.OK.value() : problems.status());
            return reversalPage(budgetId, form, problems.errors, model);
        }
        BudgetRow budget = reads.budget(budgetId);
        try {
            CommandReceipt receipt = commands.sendAndWait(new ReverseBudgetEvent(budgetId, form.sequence(),
                    form.documentNo(), form.reason(), form.commandId()));
            Done done = new Done("冲销第 " + form.sequence() + " 笔（" + reversal.entry().summary() + "）", "",
                    form.documentNo(), form.reason(), reversal.lines(), receipt.sequence());
            readModels.awaitBudget(budgetId);
            redirect.addFlashAttribute("done", done);
            return "redirect:/budgets/" + budget.budgetId() + "/history";
        } catch (RuntimeException e) {
            BudgetRuleException rule = ruleOf(e).orElseThrow(() -> e);
            response.setStatus(status(rule));
            return reversalPage(budgetId, form, errors(rule, Map.of(), false), model);
        }
    }

    /** An earlier change as a 冲销 would undo it: the lines after undoing it, or why it cannot be undone. */
    record Reversal(AuditPages.TimelineEntry entry, List<Touched> lines, String refusal) {
    }

    private Reversal reversal(String budgetId, long sequence) {
        BudgetRow budget = reads.budget(budgetId);
        Map<String, LineChoice> lines = LineChoice.all(reads.lines(budgetId), budget);
        List<History.Entry> all = history.entries(budgetId);
        History.Entry entry = all.stream().filter(e -> e.sequence() == sequence).findFirst()
                .orElseThrow(() -> BudgetRuleException.notFound("sequence", "unknown-event",
                        "预算 " + budgetId + " 没有序号为 " + sequence + " 的变动"));
        String refusal = null;
        if (!REVERSIBLE.contains(entry.type())) {
            refusal = "只有年初预算、追加 / 追减和调剂可以冲销";
        } else if (entry.reversedBy() != null) {
            refusal = "这笔变动已被 #" + entry.reversedBy() + " 冲销";
        }
        List<Touched> touched = new ArrayList<>();
        for (History.LineChange change : entry.changes()) {
            LineChoice line = lines.get(change.lineId());
            if (line == null) {
                continue;
            }
            long after = line.amountFen() - Money.fenOfYuan(change.amount());
            touched.add(Touched.of(line, line.amountFen(), after));
            if (after < 0 && refusal == null) {
                refusal = line.name() + " 现余额 " + line.balance() + " 万元，冲销后将为负数";
            }
        }
        return new Reversal(AuditPages.describe(entry, lines, clock, all), touched, refusal);
    }

    private String reversalPage(String budgetId, ReversalForm form, Map<String, String> errors, Model model) {
        BudgetRow budget = reads.budget(budgetId);
        Reversal reversal = reversal(budgetId, form.sequence());
        model.addAttribute("budget", budget);
        model.addAttribute("reversal", reversal);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        // The first visit shows the form; a complete, acceptable form is shown back for confirmation.
        model.addAttribute("confirming", errors.isEmpty() && !blank(form.documentNo()) && !blank(form.reason())
                && reversal.refusal() == null);
        return "reversal";
    }

    private String confirmation(BudgetRow budget, Integer back, String kind, Done draft, Map<String, String> fields,
                                Model model) {
        model.addAttribute("budget", budget);
        model.addAttribute("kind", kind);
        model.addAttribute("draft", draft);
        model.addAttribute("fields", fields);
        model.addAttribute("action", "/budgets/" + budget.budgetId() + ("adjust".equals(kind) ? "/adjustments" : "/transfers"));
        model.addAttribute("back", validTable(back) ? back : null);
        return "confirm";
    }

    private String done(BudgetRow budget, Integer back, Done done, RedirectAttributes redirect) {
        readModels.awaitBudget(budget.budgetId());
        List<String> codes = new ArrayList<>();
        Map<String, LineChoice> lines = LineChoice.all(reads.lines(budget.budgetId()), budget);
        done.lines().forEach(t -> Optional.ofNullable(lines.get(t.lineId()))
                .ifPresent(l -> codes.add(l.functionalCode())));
        redirect.addFlashAttribute("done", done);
        redirect.addFlashAttribute("changedCodes", codes);
        return "redirect:/budgets/" + budget.budgetId() + (validTable(back) ? "/tables/" + back : "/changes");
    }

    private String page(String budgetId, Integer back, AdjustForm adjust, TransferForm transfer, String failed,
                        Map<String, String> errors, Model model) {
        BudgetRow budget = reads.budget(budgetId);
        model.addAttribute("budget", budget);
        model.addAttribute("groups", LinePicker.groups(LineChoice.all(reads.lines(budgetId), budget).values()));
        model.addAttribute("adjust", adjust);
        model.addAttribute("transfer", transfer);
        model.addAttribute("adjustErrors", "adjust".equals(failed) ? errors : Map.of());
        model.addAttribute("transferErrors", "transfer".equals(failed) ? errors : Map.of());
        model.addAttribute("back", validTable(back) ? back : null);
        return "changes";
    }

    /** Every problem of a form, by field, in the words of its users; the status is 409 when only balances refuse. */
    private static final class Problems {
        final Map<String, String> errors = new LinkedHashMap<>();
        boolean invalid;

        void add(String field, String message) {
            errors.putIfAbsent(field, message);
            invalid = true;
        }

        void conflict(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        int status() {
            return invalid ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value();
        }

        LineChoice line(String field, String lineId, Map<String, LineChoice> lines) {
            if (blank(lineId)) {
                add(field, "请选择" + LABELS.get(field));
                return null;
            }
            LineChoice line = lines.get(lineId.strip());
            if (line == null) {
                add(field, LABELS.get(field) + "不在本预算中，请重新选择");
            }
            return line;
        }

        Long amount(String text, String unit) {
            try {
                return Money.parseFen(text, Money.Unit.of(unit));
            } catch (IllegalArgumentException e) {
                add("amount", e.getMessage());
                return null;
            }
        }

        void text(String field, String value, int maxLength) {
            String label = LABELS.get(field);
            if (blank(value)) {
                add(field, "请填写" + label);
            } else if (value.length() > maxLength) {
                add(field, label + "至多 " + maxLength + " 个字符");
            } else {
                TextRules.problem(value, field.equals("reason") ? TextRules.Shape.MULTILINE : TextRules.Shape.LINE)
                        .ifPresent(p -> add(field, label + p.description()));
            }
        }
    }

    /**
     * A rule the ledger refused at the last step (a balance that changed since the confirmation was shown), beside
     * its field, with lines named and a transfer's source called 调出行.
     */
    private static Map<String, String> errors(BudgetRuleException rule, Map<String, LineChoice> lines,
                                              boolean transfer) {
        String field = rule.field() != null && LABELS.containsKey(rule.field()) ? rule.field() : "";
        String label = LABELS.getOrDefault(field, "");
        String message = rule.getMessage();
        if (rule.rule().equals("required") && !label.isEmpty()) {
            message = (field.endsWith("LineId") || field.equals("lineId") ? "请选择" : "请填写") + label;
        } else if (!label.isEmpty() && message.startsWith(field + " ")) {
            message = label + message.substring(field.length());
        }
        if (transfer) {
            message = message.replace("不足以减少", "不足以调出");
        }
        for (LineChoice line : lines.values()) {
            message = message.replace("预算行 " + line.lineId() + " ", line.name() + " ");
        }
        return Map.of(field, message);
    }

    private static int status(BudgetRuleException rule) {
        return switch (rule.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST.value();
            case NOT_FOUND -> HttpStatus.NOT_FOUND.value();
            case CONFLICT -> HttpStatus.CONFLICT.value();
        };
    }

    /** A rule the ledger refused the command by: thrown as is, or wrapped by Axon. */
    static Optional<BudgetRuleException> ruleOf(RuntimeException e) {
        if (e instanceof BudgetRuleException rule) {
            return Optional.of(rule);
        }
        if (e instanceof CommandExecutionException && e.getCause() instanceof BudgetRuleException rule) {
            return Optional.of(rule);
        }
        return Optional.empty();
    }

    private static boolean validTable(Integer number) {
        return number != null && number >= 1 && number <= DisclosureTables.COUNT;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String newCommandId() {
        return "web-" + UUID.randomUUID();
    }
}
