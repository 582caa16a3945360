package budgetledger.api;

import budgetledger.security.ParameterChecks;
import budgetledger.api.YearOverYearViews.ExplanationView;
import budgetledger.api.YearOverYearViews.ThreePublicView;
import budgetledger.api.YearOverYearViews.YearOverYearView;
import budgetledger.command.BudgetRuleException;
import budgetledger.projections.BudgetRow;
import budgetledger.query.FindBudgetQuery;
import budgetledger.query.FindExplanationsQuery;
import budgetledger.query.FindThreePublicComparisonQuery;
import budgetledger.query.FindYearOverYearQuery;
import budgetledger.query.narrative.Explanation;
import budgetledger.query.narrative.ThreePublicComparison;
import budgetledger.query.yoy.Dimension;
import budgetledger.query.yoy.Level;
import budgetledger.query.yoy.YearOverYear;
import budgetledger.query.yoy.YearOverYearCsv;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Year-over-year deltas, the "三公" comparison and the generated narrative of 第三部分. */
@RestController
public class YearOverYearController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final String PRIOR = "prior";

    private final QueryGateway queries;
    private final BigDecimal warningThresholdPercent;

    public YearOverYearController(QueryGateway queries,
                                  @Value("${budget-ledger.explanations.warning-threshold-percent:10}")
                                  BigDecimal warningThresholdPercent) {
        this.queries = queries;
        this.warningThresholdPercent = warningThresholdPercent;
    }

    @GetMapping("/api/budgets/{budgetId}/yoy")
    public ResponseEntity<?> yearOverYear(@PathVariable String budgetId,
                                          @RequestParam(defaultValue = PRIOR) String against,
                                          @RequestParam(required = false) String by,
                                          @RequestParam(defaultValue = "item") String level,
                                          @RequestParam(defaultValue = "json") String format) {
        checkFormat(format, "csv");
        BudgetRow budget = findBudget("budgetId", budgetId);
        String other = against.equals(PRIOR) ? null : otherBudget(budget, against);
        Dimension dimension = by == null ? (other == null ? Dimension.SUBJECT : Dimension.FUNCTIONAL)
                : Dimension.ofParameter(by).orElseThrow(() -> BudgetRuleException.invalid("by", "unknown-value",
                        "by 的值 “" + by + "” 无效，可选：" + Dimension.parameters()));
        Level depth = Level.ofParameter(level).orElseThrow(() -> BudgetRuleException.invalid("level",
                "unknown-value", "level 的值 “" + level + "” 无效，可选：class, section, item"));
        YearOverYear.Report report = queries.query(new FindYearOverYearQuery(budgetId, other, dimension, depth),
                ResponseTypes.optionalInstanceOf(YearOverYear.Report.class)).join()
                .orElseThrow(() -> unknownBudget("budgetId", budgetId));
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(CSV).header("Content-Disposition", "attachment; filename=\""
                    + budgetId + "-yoy-" + report.against() + "-" + dimension.parameter() + ".csv\"")
                    .body(YearOverYearCsv.write(report));
        }
        return ResponseEntity.ok(YearOverYearView.of(report));
    }

    @GetMapping("/api/budgets/{budgetId}/three-public")
    public ThreePublicView threePublic(@PathVariable String budgetId) {
        return ThreePublicView.of(queries.query(new FindThreePublicComparisonQuery(budgetId),
                        ResponseTypes.optionalInstanceOf(ThreePublicComparison.Report.class)).join()
                .orElseThrow(() -> unknownBudget("budgetId", budgetId)));
    }

    @GetMapping("/api/budgets/{budgetId}/explanations")
    public ResponseEntity<?> explanations(@PathVariable String budgetId,
                                          @RequestParam(defaultValue = "json") String format) {
        checkFormat(format, "text");
        Explanation explanation = queries.query(new FindExplanationsQuery(budgetId, warningThresholdPercent),
                        ResponseTypes.optionalInstanceOf(Explanation.class)).join()
                .orElseThrow(() -> unknownBudget("budgetId", budgetId));
        if (format.equals("text")) {
            return ResponseEntity.ok().contentType(TEXT).body(explanation.text());
        }
        return ResponseEntity.ok(ExplanationView.of(explanation));
    }

    /** Last year's budget to compare with: another budget of the same department, in the ledger. */
    private String otherBudget(BudgetRow budget, String against) {
        if (!ParameterChecks.PATH_VARIABLES.get("budgetId").matcher(against).matches()) {
            throw BudgetRuleException.invalid("against", "malformed-parameter",
                    "against 应为 prior 或预算编号（部门编码-年度，例如 062-2025）");
        }
        if (against.equals(budget.budgetId())) {
            throw BudgetRuleException.invalid("against", "same-budget", "不能与预算自身比较：" + against);
        }
        BudgetRow other = findBudget("against", against);
        if (!other.departmentCode().equals(budget.departmentCode())) {
            throw BudgetRuleException.invalid("against", "other-department", "只能比较同一部门的预算："
                    + budget.budgetId() + " 属于部门 " + budget.departmentCode() + "，" + against + " 属于部门 "
                    + other.departmentCode());
        }
        return against;
    }

    private BudgetRow findBudget(String field, String budgetId) {
        Optional<BudgetRow> budget = queries.query(new FindBudgetQuery(budgetId),
                ResponseTypes.optionalInstanceOf(BudgetRow.class)).join();
        return budget.orElseThrow(() -> unknownBudget(field, budgetId));
    }

    private static void checkFormat(String format, String other) {
        if (!format.equals("json") && !format.equals(other)) {
            throw BudgetRuleException.invalid("format", "unknown-format", "format 只能是 json 或 " + other);
        }
    }

    private static BudgetRuleException unknownBudget(String field, String budgetId) {
        return BudgetRuleException.notFound(field, "unknown-budget", "预算 " + budgetId + " 不存在");
    }
}
