package budgetledger.app.web;

import budgetledger.app.projection.ReadYourWrites;
import budgetledger.command.BudgetRuleException;
import budgetledger.command.api.AdjustBudgetLine;
import budgetledger.command.api.CommandReceipt;
import budgetledger.command.api.TransferBetweenLines;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.disclosure.tables.DisclosureTables;
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
import java.util.TreeMap;
import java.util.UUID;

/**
 * The forms of finance staff: 追加 / 追减 of one line and 调剂 between two, lines chosen by unit, 科目 and project. The
 * same commands as the API go through the same gateway; a broken rule comes back beside its field, and after a
 * change the page shows the lines' new balances (and, when the form was opened from a table, that table).
 */
@Controller
class ChangeForms {

    static final String INCREASE = "increase";
    static final String DECREASE = "decrease";

    /** The form fields named by the rules of the ledger, as the page names them. */
    private static final Map<String, String> LABELS = Map.of("lineId", "预算行", "fromLineId", "调出行",
            "toLineId", "调入行", "amount", "金额", "direction", "方向", "documentNo", "文号", "reason", "原因");

    record AdjustForm(String lineId, String direction, String amount, String documentNo, String reason,
                      String commandId) {
        static AdjustForm blank() {
            return new AdjustForm("", INCREASE, "", "", "", newCommandId());
        }
    }

    record TransferForm(String fromLineId, String toLineId, String amount, String documentNo, String reason,
                        String commandId) {
        static TransferForm blank() {
            return new TransferForm("", "", "", "", "", newCommandId());
        }
    }

    /** A line a change touched: its balance before and after, in 元. */
    record Touched(String lineId, String label, String before, String after) {
    }

    /** What the page shows after a change. */
    record Done(String what, String documentNo, List<Touched> lines) {
    }

    private final CommandGateway commands;
    private final LedgerReads reads;
    private final ReadYourWrites readModels;

    ChangeForms(CommandGateway commands, LedgerReads reads, ReadYourWrites readModels) {
        this.commands = commands;
        this.reads = reads;
        this.readModels = readModels;
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
        try {
            BigDecimal amount = positiveAmount(form.amount());
            if (!INCREASE.equals(form.direction()) && !DECREASE.equals(form.direction())) {
                throw BudgetRuleException.invalid("direction", "required", "请选择追加或追减");
            }
            BigDecimal signed = DECREASE.equals(form.direction()) ? amount.negate() : amount;
            CommandReceipt receipt = commands.sendAndWait(new AdjustBudgetLine(budgetId, blankToNull(form.lineId()),
                    signed, form.documentNo(), form.reason(), form.commandId()));
            long after = receipt.lines().get(0).amountFen();
            long before = after - signed.movePointRight(2).longValueExact();
            String what = (signed.signum() > 0 ? "追加 " : "追减 ") + amount.setScale(2).toPlainString() + " 元";
            return done(budget, back, new Done(what, form.documentNo(),
                    List.of(touched(budget, form.lineId(), before, after))), redirect);
        } catch (RuntimeException e) {
            BudgetRuleException rule = ruleOf(e).orElseThrow(() -> e);
            response.setStatus(status(rule));
            return page(budgetId, back, form, TransferForm.blank(), "adjust", errors(rule), model);
        }
    }

    @PostMapping("/budgets/{budgetId}/transfers")
    String transfer(@PathVariable String budgetId, @ModelAttribute TransferForm form,
                    @RequestParam(required = false) Integer back, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        BudgetRow budget = reads.budget(budgetId);
        try {
            BigDecimal amount = positiveAmount(form.amount());
            CommandReceipt receipt = commands.sendAndWait(new TransferBetweenLines(budgetId,
                    blankToNull(form.fromLineId()), blankToNull(form.toLineId()), amount, form.documentNo(),
                    form.reason(), form.commandId()));
            long fen = amount.movePointRight(2).longValueExact();
            long fromAfter = receipt.lines().get(0).amountFen();
            long toAfter = receipt.lines().get(1).amountFen();
            return done(budget, back, new Done("调剂 " + amount.setScale(2).toPlainString() + " 元", form.documentNo(),
                    List.of(touched(budget, form.fromLineId(), fromAfter + fen, fromAfter),
                            touched(budget, form.toLineId(), toAfter - fen, toAfter))), redirect);
        } catch (RuntimeException e) {
            BudgetRuleException rule = ruleOf(e).orElseThrow(() -> e);
            response.setStatus(status(rule));
            return page(budgetId, back, AdjustForm.blank(), form, "transfer", errors(rule), model);
        }
    }

    private String done(BudgetRow budget, Integer back, Done done, RedirectAttributes redirect) {
        readModels.awaitBudget(budget.budgetId());
        List<String> codes = new ArrayList<>();
        for (BudgetLineRow line : reads.lines(budget.budgetId())) {
            if (done.lines().stream().anyMatch(t -> t.lineId().equals(line.lineId()))) {
                codes.add(line.functionalCode());
            }
        }
        redirect.addFlashAttribute("done", done);
        redirect.addFlashAttribute("changedCodes", codes);
        return "redirect:/budgets/" + budget.budgetId() + (validTable(back) ? "/tables/" + back : "/changes");
    }

    private Touched touched(BudgetRow budget, String lineId, long beforeFen, long afterFen) {
        String label = reads.lines(budget.budgetId()).stream().filter(l -> l.lineId().equals(lineId)).findFirst()
                .map(l -> LineChoice.of(l, budget, ClassificationCatalogue.forYear(budget.fiscalYear())))
                .map(c -> c.unitName() + " · " + c.functionalCode() + " " + c.functionalName() + " · " + c.kind()
                        + (c.project().isEmpty() ? "" : " · " + c.project()))
                .orElse("");
        return new Touched(lineId, label, LineChoice.yuan(beforeFen), LineChoice.yuan(afterFen));
    }

    private String page(String budgetId, Integer back, AdjustForm adjust, TransferForm transfer, String failed,
                        Map<String, String> errors, Model model) {
        BudgetRow budget = reads.budget(budgetId);
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(budget.fiscalYear());
        List<LineChoice> lines = reads.lines(budgetId).stream().map(l -> LineChoice.of(l, budget, catalogue)).toList();
        Map<String, String> functionals = new TreeMap<>();
        Map<String, String> projects = new TreeMap<>();
        lines.forEach(l -> {
            functionals.put(l.functionalCode(), l.functionalName());
            if (!l.project().isEmpty()) {
                projects.put(l.project(), l.unitName());
            }
        });
        model.addAttribute("budget", budget);
        model.addAttribute("lines", lines);
        model.addAttribute("functionals", functionals);
        model.addAttribute("projects", projects.keySet());
        model.addAttribute("adjust", adjust);
        model.addAttribute("transfer", transfer);
        model.addAttribute("adjustErrors", "adjust".equals(failed) ? errors : Map.of());
        model.addAttribute("transferErrors", "transfer".equals(failed) ? errors : Map.of());
        model.addAttribute("back", validTable(back) ? back : null);
        return "changes";
    }

    /** The rule broken, by field as the form names it; "" for a rule of no field on the form. */
    private static Map<String, String> errors(BudgetRuleException rule) {
        Map<String, String> errors = new LinkedHashMap<>();
        String field = rule.field() != null && LABELS.containsKey(rule.field()) ? rule.field() : "";
        String label = LABELS.getOrDefault(field, "");
        String message = rule.getMessage();
        if (rule.rule().equals("required") && !label.isEmpty()) {
            message = (field.endsWith("LineId") || field.equals("lineId") ? "请选择" : "请填写") + label;
        } else if (!label.isEmpty() && message.startsWith(field + " ")) {
            message = label + message.substring(field.length());
        }
        errors.put(field, message);
        return errors;
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

    /** An amount in 元 as typed: digits with at most two decimals, thousands separators allowed, above zero. */
    private static BigDecimal positiveAmount(String text) {
        String plain = text == null ? "" : text.strip().replace(",", "").replace("，", "");
        if (plain.isEmpty()) {
            throw BudgetRuleException.invalid("amount", "required", "请填写金额");
        }
        if (!plain.matches("\\d{1,14}(\\.\\d{1,2})?")) {
            throw BudgetRuleException.invalid("amount", "malformed-amount",
                    "金额应为以元为单位的正数，至多两位小数，例如 100000.00");
        }
        BigDecimal amount = new BigDecimal(plain);
        if (amount.signum() == 0) {
            throw BudgetRuleException.invalid("amount", "amount-sign", "金额必须大于零");
        }
        return amount;
    }

    private static boolean validTable(Integer number) {
        return number != null && number >= 1 && number <= DisclosureTables.COUNT;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String newCommandId() {
        return "web-" + UUID.randomUUID();
    }
}
