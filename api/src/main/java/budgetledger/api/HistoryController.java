package budgetledger.api;

import budgetledger.audit.History;
import budgetledger.audit.History.Filter;
import budgetledger.audit.History.Moment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** A budget's history for auditors: every change with before and after, and the changes between two moments. */
@RestController
public class HistoryController {

    private final History history;

    public HistoryController(History history) {
        this.history = history;
    }

    @GetMapping("/api/budgets/{budgetId}/history")
    public History.Page history(@PathVariable String budgetId,
                                @RequestParam(required = false) String line,
                                @RequestParam(required = false) String actor,
                                @RequestParam(required = false) String type,
                                @RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        return history.page(budgetId, new Filter(line, actor, type, from, to), page, size);
    }

    @GetMapping("/api/budgets/{budgetId}/lines/{lineId}/history")
    public History.Page lineHistory(@PathVariable String budgetId, @PathVariable String lineId,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        History.Page result = history.page(budgetId, new Filter(lineId, null, null, null, null), page, size);
        if (result.total() == 0) {
            throw budgetledger.command.BudgetRuleException.notFound("lineId", "unknown-line",
                    "预算 " + budgetId + " 没有预算行 " + lineId);
        }
        return result;
    }

    /** Lines that changed between two moments: ISO-8601 instants or global positions of the event store. */
    @GetMapping("/api/budgets/{budgetId}/diff")
    public List<History.LineDifference> diff(@PathVariable String budgetId, @RequestParam String from,
                                             @RequestParam String to) {
        return history.diff(budgetId, Moment.parse("from", from), Moment.parse("to", to));
    }
}
