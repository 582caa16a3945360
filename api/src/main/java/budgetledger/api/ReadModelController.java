package budgetledger.api;

import budgetledger.processing.ReadYourWrites;
import budgetledger.command.BudgetRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * For a client whose write was answered 202 (the read models had not caught up within the bound): waits again, as
 * long, for the position the answer carried. 200 once every read reflects it, else 202 again.
 */
@RestController
public class ReadModelController {

    private final ReadYourWrites writes;

    public ReadModelController(ReadYourWrites writes) {
        this.writes = writes;
    }

    public record PositionView(long position, boolean processed) {
    }

    @GetMapping("/api/read-models/positions/{position}")
    public ResponseEntity<PositionView> position(@PathVariable String position) {
        if (!position.matches("\\d{1,18}")) {
            throw BudgetRuleException.invalid("position", "malformed-position", "position 应为全局序号（非负整数）");
        }
        long at = Long.parseLong(position);
        boolean processed = writes.awaitPosition(at);
        return ResponseEntity.status(processed ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .header(ReadYourWrites.POSITION_HEADER, position).body(new PositionView(at, processed));
    }
}
