package budgetledger.web;

import budgetledger.command.BudgetRuleException;
import budgetledger.model.BudgetSubject;
import budgetledger.model.Yuan;
import budgetledger.projections.BudgetRow;
import budgetledger.query.narrative.Change;
import budgetledger.query.narrative.ThreePublicComparison;
import budgetledger.query.yoy.DeltaRow;
import budgetledger.query.yoy.Dimension;
import budgetledger.query.yoy.Level;
import budgetledger.query.yoy.Presence;
import budgetledger.query.yoy.YearOverYear;
import budgetledger.query.yoy.YearOverYearCsv;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Year over year (sortable by delta and percent), the "三公" page with its two charts, and the generated narrative. */
@Controller
class YearOverYearPages {

    private static final String PRIOR = "prior";
    /** The leaves of "三公", for this year's distribution. */
    private static final List<BudgetSubject> PIE = List.of(BudgetSubject.TRAVEL_ABROAD, BudgetSubject.RECEPTION,
            BudgetSubject.VEHICLE_PURCHASE, BudgetSubject.VEHICLE_OPERATION);
    /** The three categories of table 10 and the total, for this year against last. */
    private static final List<BudgetSubject> BARS = List.of(BudgetSubject.TRAVEL_ABROAD, BudgetSubject.RECEPTION,
            BudgetSubject.VEHICLE_TOTAL, BudgetSubject.THREE_PUBLIC_TOTAL);

    private final LedgerReads reads;
    private final ObjectMapper json;

    YearOverYearPages(LedgerReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    /** One compared row as shown: 万元 and percent as text, blank where there is no figure. */
    record DeltaView(int level, String code, String name, String lastYear, String thisYear, String delta,
                     String percent, String note, int sign) {
        /**
         * Codes as the published tables print them: functional and economic codes and unit codes, digits all; a
         * grouping's internal keys (TOTAL, BASIC_PERSONNEL, GENERAL_PUBLIC …) are never shown, nor a project's unit.
         */
        static DeltaView of(DeltaRow row, Dimension dimension) {
            Long delta = row.deltaFen();
            boolean published = row.code() != null && row.code().matches("\\d+")
                    && !(dimension == Dimension.PROJECT && row.level() == 2);
            return new DeltaView(row.level(), published ? row.code() : "", row.name(), text(row.lastYearWanYuan()),
                    text(row.thisYearWanYuan()), text(row.deltaWanYuan()), text(row.percent()),
                    row.presence() == Presence.BOTH ? "" : row.presence().label(),
                    delta == null ? 0 : Long.signum(delta));
        }
    }

    /**
     * Year over year as an analyst reads it: the totals apart, above the ranking (by=subject lists 收支总计, 收入 and
     * 支出, one figure three times; other groupings their 合计); codes only where the published tables print one;
     * the level selector honoured by every grouping with levels; and, when last year's budget is not in the ledger,
     * a word saying so with the way to bring it in. By default the comparison is with last year's budget when the
     * ledger holds it, else with the prior-year figures recorded with this one.
     */
    @GetMapping("/budgets/{budgetId}/yoy")
    String yearOverYear(@PathVariable String budgetId, @RequestParam(required = false) String against,
                        @RequestParam(required = false) String by, @RequestParam(defaultValue = "item") String level,
                        @RequestParam(defaultValue = "") String sort, @RequestParam(defaultValue = "desc") String order,
                        Model model) {
        BudgetRow budget = reads.budget(budgetId);
        List<BudgetRow> others = lastYears(budget);
        BudgetRow lastYear = others.stream().filter(o -> o.fiscalYear() == budget.fiscalYear() - 1).findFirst()
                .orElse(null);
        String compared = against == null || against.isBlank()
                ? (lastYear != null ? lastYear.budgetId() : PRIOR) : against;
        YearOverYear.Report report = report(budget, others, compared, by, level);
        Level depth = Level.ofParameter(level).orElse(Level.ITEM);
        boolean levelled = LEVELLED.contains(report.dimension());
        List<DeltaRow> totals = new ArrayList<>();
        List<DeltaRow> rows = new ArrayList<>();
        for (DeltaRow row : report.rows()) {
            if (isTotal(report.dimension(), row)) {
                totals.add(row);
            } else if (!levelled || row.level() <= DEPTH.get(depth)) {
                rows.add(row);
            }
        }
        Comparator<DeltaRow> comparator = switch (sort) {
            case "delta" -> nullsLast(DeltaRow::deltaFen, order);
            case "percent" -> nullsLast(DeltaRow::percent, order);
            default -> null;
        };
        if (comparator != null) {
            rows.sort(comparator);
        }
        boolean noLastYear = report.against().equals(PRIOR) && report.dimension() != Dimension.SUBJECT;
        model.addAttribute("budget", budget);
        model.addAttribute("others", others);
        model.addAttribute("report", report);
        model.addAttribute("levelled", levelled);
        model.addAttribute("level", depth.parameter());
        model.addAttribute("totals", totals.stream().map(r -> DeltaView.of(r, report.dimension())).toList());
        model.addAttribute("rows", rows.stream().map(r -> DeltaView.of(r, report.dimension())).toList());
        model.addAttribute("dimensions", Arrays.asList(Dimension.values()));
        model.addAttribute("sort", sort);
        model.addAttribute("order", order.equals("asc") ? "asc" : "desc");
        model.addAttribute("lastFiscalYear", budget.fiscalYear() - 1);
        model.addAttribute("lastYearMissing", lastYear == null);
        model.addAttribute("noLastYear", noLastYear);
        return "yoy";
    }

    /** Groupings whose rows have levels below their groups (类/款/项, 基本/人员经费, unit/project …). */
    private static final java.util.Set<Dimension> LEVELLED = java.util.EnumSet.of(Dimension.FUNCTIONAL,
            Dimension.ECONOMIC, Dimension.GOV_ECONOMIC, Dimension.KIND, Dimension.PROJECT, Dimension.THREE_PUBLIC);
    /** The deepest row level each choice of the selector shows: 类 1, 款 2, 项 3. */
    private static final Map<Level, Integer> DEPTH = Map.of(Level.CLASS, 1, Level.SECTION, 2, Level.ITEM, 3);
    /** The subjects that are the whole budget: one figure, listed once as the total. */
    private static final java.util.Set<String> TOTAL_SUBJECTS = java.util.Set.of(BudgetSubject.TOTAL.name(),
            BudgetSubject.INCOME.name(), BudgetSubject.EXPENDITURE.name());

    private static boolean isTotal(Dimension dimension, DeltaRow row) {
        return dimension == Dimension.SUBJECT ? TOTAL_SUBJECTS.contains(row.code()) : row.level() == 0;
    }

    @GetMapping("/budgets/{budgetId}/yoy/csv")
    ResponseEntity<String> yearOverYearCsv(@PathVariable String budgetId,
                                           @RequestParam(defaultValue = PRIOR) String against,
                                           @RequestParam(required = false) String by,
                                           @RequestParam(defaultValue = "item") String level) {
        BudgetRow budget = reads.budget(budgetId);
        YearOverYear.Report found = report(budget, lastYears(budget), against, by, level);
        // The console's download says what its page says: codes as the tables print them, never internal keys
        // (the API's CSV keeps them, for programs that read it).
        YearOverYear.Report report = new YearOverYear.Report(found.budgetId(), found.against(), found.fiscalYear(),
                found.lastFiscalYear(), found.dimension(), found.level(), found.rows().stream()
                .map(r -> new DeltaRow(r.level(), DeltaView.of(r, found.dimension()).code(), r.name(),
                        r.lastYearFen(), r.thisYearFen(), r.presence())).toList());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + budgetId + "-yoy-" + report.against()
                        + "-" + report.dimension().parameter() + ".csv\"")
                .body("\uFEFF" + YearOverYearCsv.write(report));
    }

    @GetMapping("/budgets/{budgetId}/three-public")
    String threePublic(@PathVariable String budgetId, Model model) throws JsonProcessingException {
        BudgetRow budget = reads.budget(budgetId);
        ThreePublicComparison.Report report = reads.threePublic(budgetId);
        Map<BudgetSubject, Change> bySubject = new LinkedHashMap<>();
        report.rows().forEach(change -> bySubject.put(change.subject(), change));

        List<Map<String, Object>> slices = new ArrayList<>();
        List<String> zero = new ArrayList<>();
        for (BudgetSubject subject : PIE) {
            long fen = bySubject.get(subject).thisYearFen();
            if (fen == 0) {
                zero.add(subject.label());
            } else {
                slices.add(Map.of("name", subject.label(), "value", Yuan.toWanYuan(fen)));
            }
        }
        List<String> categories = new ArrayList<>();
        List<BigDecimal> lastYear = new ArrayList<>();
        List<BigDecimal> thisYear = new ArrayList<>();
        for (BudgetSubject subject : BARS) {
            Change change = bySubject.get(subject);
            categories.add(subject == BudgetSubject.THREE_PUBLIC_TOTAL ? "合计" : subject.label());
            lastYear.add(change.lastYearFen() == null ? null : Yuan.toWanYuan(change.lastYearFen()));
            thisYear.add(Yuan.toWanYuan(change.thisYearFen()));
        }
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("thisYearLabel", budget.fiscalYear() + "年");
        charts.put("lastYearLabel", (budget.fiscalYear() - 1) + "年");
        charts.put("slices", slices);
        charts.put("categories", categories);
        charts.put("lastYear", lastYear);
        charts.put("thisYear", thisYear);

        model.addAttribute("budget", budget);
        model.addAttribute("report", report);
        model.addAttribute("rows", report.rows().stream().map(ThreePublicRow::of).toList());
        model.addAttribute("zero", zero);
        model.addAttribute("charts", json.writeValueAsString(charts));
        return "three-public";
    }

    /** A row of the "三公" comparison as shown. */
    record ThreePublicRow(String subject, boolean part, boolean total, String lastYear, String thisYear, String delta,
                          String percent, String change, String reason, boolean reasonMissing) {
        static ThreePublicRow of(Change change) {
            String direction = switch (change.direction()) {
                case UP -> "增加";
                case DOWN -> "减少";
                case SAME -> "持平";
                case UNKNOWN -> "无上年数";
            };
            BudgetSubject subject = change.subject();
            boolean changed = change.direction() == Change.Direction.UP || change.direction() == Change.Direction.DOWN;
            return new ThreePublicRow(subject == BudgetSubject.THREE_PUBLIC_TOTAL ? "合计" : subject.label(),
                    subject == BudgetSubject.VEHICLE_PURCHASE || subject == BudgetSubject.VEHICLE_OPERATION,
                    subject == BudgetSubject.THREE_PUBLIC_TOTAL,
                    change.lastYearFen() == null ? "" : Yuan.toWanYuan(change.lastYearFen()).toPlainString(),
                    Yuan.toWanYuan(change.thisYearFen()).toPlainString(),
                    change.deltaFen() == null ? "" : Yuan.toWanYuan(change.deltaFen()).toPlainString(),
                    text(change.percent()), direction, changed && !change.reasonMissing() ? change.reason() : "",
                    change.reasonMissing());
        }
    }

    @GetMapping("/budgets/{budgetId}/narrative")
    String narrative(@PathVariable String budgetId, Model model) {
        model.addAttribute("budget", reads.budget(budgetId));
        model.addAttribute("explanation", reads.explanations(budgetId));
        return "narrative";
    }

    /** Other budgets of the department in the ledger, the latest first: what this year may be compared with. */
    private List<BudgetRow> lastYears(BudgetRow budget) {
        return reads.budgets().stream()
                .filter(b -> b.departmentCode().equals(budget.departmentCode()) && !b.budgetId().equals(budget.budgetId()))
                .sorted(Comparator.comparing(BudgetRow::fiscalYear).reversed()).toList();
    }

    private YearOverYear.Report report(BudgetRow budget, List<BudgetRow> others, String against, String by,
                                       String level) {
        String other = null;
        if (!against.equals(PRIOR)) {
            other = others.stream().map(BudgetRow::budgetId).filter(against::equals).findFirst()
                    .orElseThrow(() -> BudgetRuleException.invalid("against", "unknown-value",
                            "只能与本部门在账的其他预算或上年数比较：" + against));
        }
        Dimension dimension = by == null || by.isBlank() ? (other == null ? Dimension.SUBJECT : Dimension.FUNCTIONAL)
                : Dimension.ofParameter(by).orElseThrow(() -> BudgetRuleException.invalid("by", "unknown-value",
                        "分组方式 “" + by + "” 无效，可选：" + Dimension.parameters()));
        Level depth = Level.ofParameter(level).orElseThrow(() -> BudgetRuleException.invalid("level",
                "unknown-value", "层级 “" + level + "” 无效，可选：class, section, item"));
        return reads.yearOverYear(budget.budgetId(), other, dimension, depth);
    }

    /** Sorted by a figure, largest first for "desc"; rows without the figure always last. */
    private static <T extends Comparable<T>> Comparator<DeltaRow> nullsLast(Function<DeltaRow, T> key, String order) {
        Comparator<T> natural = order.equals("asc") ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing(key, Comparator.nullsLast(natural));
    }

    private static String text(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
