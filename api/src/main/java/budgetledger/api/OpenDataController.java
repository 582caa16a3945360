package budgetledger.api;

import budgetledger.exchange.opendata.FiscalDataPackage;
import budgetledger.command.BudgetRuleException;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.FindBudgetLinesQuery;
import budgetledger.query.FindBudgetQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A budget as open data: a Fiscal Data Package (datapackage.json and CSV in one zip). */
@RestController
public class OpenDataController {

    private final QueryGateway queries;

    public OpenDataController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/budgets/{budgetId}/fdp")
    public ResponseEntity<byte[]> fiscalDataPackage(@PathVariable String budgetId,
                                                    @RequestParam(defaultValue = "approved") String phase) {
        FiscalDataPackage.Phase chosen = FiscalDataPackage.Phase.of(phase);
        if (chosen == null) {
            throw BudgetRuleException.invalid("phase", "unknown-phase",
                    "phase 只能是 approved（年初预算）或 revised（调整后预算）");
        }
        BudgetRow budget = queries.query(new FindBudgetQuery(budgetId), ResponseTypes.optionalInstanceOf(BudgetRow.class))
                .join().orElseThrow(() -> BudgetRuleException.notFound("budgetId", "unknown-budget",
                        "预算 " + budgetId + " 不存在"));
        List<BudgetLineRow> lines = queries.query(new FindBudgetLinesQuery(budgetId),
                ResponseTypes.multipleInstancesOf(BudgetLineRow.class)).join();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"" + budgetId + "-" + phase + "-fdp.zip\"")
                .body(FiscalDataPackage.write(budget, lines, chosen));
    }
}
