package budgetledger.api;

import budgetledger.api.Requests.AdjustmentRequest;
import budgetledger.api.Requests.ChangeReasonRequest;
import budgetledger.api.Requests.CurrentYearFigureRequest;
import budgetledger.api.Requests.LineRequest;
import budgetledger.api.Requests.OpenBudgetRequest;
import budgetledger.api.Requests.PriorYearFigureRequest;
import budgetledger.api.Requests.ReversalRequest;
import budgetledger.api.Requests.TransferRequest;
import budgetledger.api.Requests.UnitRequest;
import budgetledger.api.Views.BudgetCreatedView;
import budgetledger.api.Views.BudgetView;
import budgetledger.api.Views.LineCreatedView;
import budgetledger.api.Views.LineView;
import budgetledger.api.Views.ReceiptView;
import budgetledger.processing.ReadYourWrites;
import budgetledger.command.BudgetRuleException;
import budgetledger.command.api.AdjustBudgetLine;
import budgetledger.command.api.AppropriateBudgetLine;
import budgetledger.command.api.CommandReceipt;
import budgetledger.command.api.OpenBudget;
import budgetledger.command.api.RecordChangeReason;
import budgetledger.command.api.RecordCurrentYearFigure;
import budgetledger.command.api.RecordPriorYearFigure;
import budgetledger.command.api.ReverseBudgetEvent;
import budgetledger.command.api.TransferBetweenLines;
import budgetledger.model.BudgetId;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.UnitType;
import budgetledger.model.Yuan;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.FindBudgetLineQuery;
import budgetledger.query.FindBudgetLinesQuery;
import budgetledger.query.FindBudgetQuery;
import budgetledger.query.FindBudgetsQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JSON API of the ledger: commands that change budgets, and reads of budgets and lines. */
@RestController
@RequestMapping("/api/budgets")
public class BudgetController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites writes;

    public BudgetController(CommandGateway commands, QueryGateway queries, ReadYourWrites writes) {
        this.commands = commands;
        this.queries = queries;
        this.writes = writes;
    }

    @PostMapping
    public ResponseEntity<BudgetCreatedView> open(@RequestBody OpenBudgetRequest request) {
        if (request.fiscalYear() == null) {
            throw BudgetRuleException.invalid("fiscalYear", "required", "fiscalYear 不能为空");
        }
        List<BudgetUnit> units = new ArrayList<>();
        if (request.units() != null) {
            for (int i = 0; i < request.units().size(); i++) {
                UnitRequest unit = request.units().get(i);
                if (unit == null) {
                    throw BudgetRuleException.invalid("units[" + i + "]", "required", "units[" + i + "] 不能为空");
                }
                units.add(new BudgetUnit(Fields.optional(unit.code()), Fields.optional(unit.name()),
                        Fields.label("units[" + i + "].type", unit.type(), UnitType.class)));
            }
        }
        String code = Fields.optional(request.departmentCode());
        String budgetId = BudgetId.of(code, request.fiscalYear());
        commands.sendAndWait(new OpenBudget(budgetId, code, request.departmentName(), request.fiscalYear(), units));
        return writes.answer(budgetId, HttpStatus.CREATED, URI.create("/api/budgets/" + budgetId),
                new BudgetCreatedView(budgetId));
    }

    @PostMapping("/{budgetId}/lines")
    public ResponseEntity<LineCreatedView> appropriate(@PathVariable String budgetId, @RequestBody LineRequest request) {
        CommandReceipt receipt = commands.sendAndWait(new AppropriateBudgetLine(budgetId,
                Fields.optional(request.unitCode()), Fields.optional(request.functionalCode()),
                Fields.label("kind", request.kind(), ExpenditureKind.class),
                Fields.optional(request.deptEconomicCode()), Fields.optional(request.govEconomicCode()),
                Fields.label("fundingSource", request.fundingSource(), FundingSource.class),
                Fields.label("origin", request.origin(), Origin.class),
                Fields.optional(request.project()), Fields.yuan("amount", request.amount()),
                request.documentNo(), request.reason(), request.commandId()));
        String lineId = receipt.lines().get(0).lineId();
        return writes.answer(budgetId, HttpStatus.CREATED, URI.create("/api/budgets/" + budgetId + "/lines/" + lineId),
                new LineCreatedView(budgetId, lineId, receipt.commandId(), receipt.sequence(),
                        Yuan.format(receipt.lines().get(0).amountFen())));
    }

    @PostMapping("/{budgetId}/adjustments")
    public ResponseEntity<ReceiptView> adjust(@PathVariable String budgetId, @RequestBody AdjustmentRequest request) {
        return send(budgetId, new AdjustBudgetLine(budgetId, Fields.optional(request.lineId()),
                Fields.yuan("amount", request.amount()), request.documentNo(), request.reason(), request.commandId()));
    }

    @PostMapping("/{budgetId}/transfers")
    public ResponseEntity<ReceiptView> transfer(@PathVariable String budgetId, @RequestBody TransferRequest request) {
        return send(budgetId, new TransferBetweenLines(budgetId, Fields.optional(request.fromLineId()),
                Fields.optional(request.toLineId()), Fields.yuan("amount", request.amount()), request.documentNo(),
                request.reason(), request.commandId()));
    }

    @PostMapping("/{budgetId}/prior-year-figures")
    public ResponseEntity<ReceiptView> recordPriorYearFigure(@PathVariable String budgetId,
                                             @RequestBody PriorYearFigureRequest request) {
        return send(budgetId, new RecordPriorYearFigure(budgetId,
                Fields.label("subject", request.subject(), BudgetSubject.class),
                Fields.yuan("amount", request.amount()), request.documentNo(), request.reason(), request.commandId()));
    }

    @PostMapping("/{budgetId}/change-reasons")
    public ResponseEntity<ReceiptView> recordChangeReason(@PathVariable String budgetId, @RequestBody ChangeReasonRequest request) {
        return send(budgetId, new RecordChangeReason(budgetId,
                Fields.label("subject", request.subject(), BudgetSubject.class), request.reason(),
                request.documentNo(), request.commandId()));
    }

    @PostMapping("/{budgetId}/current-year-figures")
    public ResponseEntity<ReceiptView> recordCurrentYearFigure(@PathVariable String budgetId,
                                               @RequestBody CurrentYearFigureRequest request) {
        return send(budgetId, new RecordCurrentYearFigure(budgetId,
                Fields.label("subject", request.subject(), BudgetSubject.class),
                Fields.yuan("amount", request.amount()), request.documentNo(), request.reason(), request.commandId()));
    }

    @PostMapping("/{budgetId}/reversals")
    public ResponseEntity<ReceiptView> reverse(@PathVariable String budgetId, @RequestBody ReversalRequest request) {
        if (request.sequence() == null) {
            throw BudgetRuleException.invalid("sequence", "required", "sequence 不能为空：要冲销的事件序号");
        }
        return send(budgetId, new ReverseBudgetEvent(budgetId, request.sequence(), request.documentNo(),
                request.reason(), request.commandId()));
    }

    @GetMapping
    public List<BudgetView> budgets() {
        return queries.query(new FindBudgetsQuery(), ResponseTypes.multipleInstancesOf(BudgetRow.class)).join()
                .stream().map(BudgetView::of).toList();
    }

    @GetMapping("/{budgetId}")
    public BudgetView budget(@PathVariable String budgetId) {
        return BudgetView.of(findBudget(budgetId));
    }

    @GetMapping("/{budgetId}/lines")
    public List<LineView> lines(@PathVariable String budgetId) {
        BudgetRow budget = findBudget(budgetId);
        return queries.query(new FindBudgetLinesQuery(budgetId), ResponseTypes.multipleInstancesOf(BudgetLineRow.class))
                .join().stream().map(line -> LineView.of(line, budget)).toList();
    }

    @GetMapping("/{budgetId}/lines/{lineId}")
    public LineView line(@PathVariable String budgetId, @PathVariable String lineId) {
        BudgetRow budget = findBudget(budgetId);
        return queries.query(new FindBudgetLineQuery(budgetId, lineId), ResponseTypes.optionalInstanceOf(BudgetLineRow.class))
                .join().map(line -> LineView.of(line, budget))
                .orElseThrow(() -> BudgetRuleException.notFound("lineId", "unknown-line",
                        "预算 " + budgetId + " 没有预算行 " + lineId));
    }

    private ResponseEntity<ReceiptView> send(String budgetId, Object command) {
        CommandReceipt receipt = commands.sendAndWait(command);
        return writes.answer(budgetId, receipt.sequence(), HttpStatus.OK, null, ReceiptView.of(budgetId, receipt));
    }

    private BudgetRow findBudget(String budgetId) {
        Optional<BudgetRow> budget = queries.query(new FindBudgetQuery(budgetId),
                ResponseTypes.optionalInstanceOf(BudgetRow.class)).join();
        return budget.orElseThrow(() -> BudgetRuleException.notFound("budgetId", "unknown-budget",
                "预算 " + budgetId + " 不存在"));
    }
}
