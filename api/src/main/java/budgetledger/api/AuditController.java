package budgetledger.api;

import budgetledger.audit.AuditService;
import budgetledger.audit.Verification;
import budgetledger.processing.DeadLetters;
import budgetledger.processing.ProjectionRebuild;
import budgetledger.command.BudgetRuleException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** For auditors: verify the event store, take and list checkpoints, rebuild the read models. */
@RestController
public class AuditController {

    private final AuditService audit;
    private final ProjectionRebuild rebuild;
    private final DeadLetters deadLetters;

    public AuditController(AuditService audit, ProjectionRebuild rebuild, DeadLetters deadLetters) {
        this.audit = audit;
        this.rebuild = rebuild;
        this.deadLetters = deadLetters;
    }

    /** Walks the chain; with {@code position} and {@code hash} of a kept checkpoint, also checks that it still holds. */
    @GetMapping("/api/audit/verify")
    public Map<String, Object> verify(@RequestParam(required = false) Long position,
                                      @RequestParam(required = false) String hash) {
        if ((position == null) != (hash == null)) {
            throw BudgetRuleException.invalid(position == null ? "position" : "hash", "required",
                    "核对检查点需要同时给出 position 和 hash");
        }
        if (hash != null && !hash.matches("[0-9a-fA-F]{64}")) {
            throw BudgetRuleException.invalid("hash", "malformed-hash", "hash 应为 64 位十六进制数");
        }
        Verification result = audit.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", result.ok() && (position == null || audit.matchesCheckpoint(position, hash)));
        body.put("events", result.events());
        body.put("position", result.position());
        body.put("headHash", result.headHash());
        if (!result.ok()) {
            body.put("firstBadPosition", result.firstBadPosition());
            body.put("globalIndex", result.globalIndex());
            body.put("problem", result.problem());
        }
        if (position != null) {
            body.put("checkpointMatches", audit.matchesCheckpoint(position, hash));
        }
        return body;
    }

    /** Takes a checkpoint: it writes, so it is a POST (a GET must change nothing, and may be prefetched). */
    @PostMapping("/api/audit/checkpoint")
    public AuditService.Checkpoint checkpoint() {
        return audit.checkpoint();
    }

    @GetMapping("/api/audit/checkpoints")
    public List<AuditService.Checkpoint> checkpoints() {
        return audit.checkpoints();
    }

    /** What the projections could not apply, per budget: how many events are parked, the first one and why. */
    @GetMapping("/api/audit/dead-letters")
    public Map<String, Object> deadLetters() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parkedEvents", deadLetters.size());
        body.put("budgets", deadLetters.parked());
        return body;
    }

    /** Applies the parked events again (after the cause is fixed); what fails again stays parked. */
    @PostMapping("/api/audit/dead-letters/retry")
    public DeadLetters.Retry retryDeadLetters() {
        return deadLetters.retry();
    }

    /** Rebuilds every read model from zero and says whether the result equals, by checksum, what was there. */
    @PostMapping("/api/audit/rebuild")
    public ProjectionRebuild.Result rebuild() {
        return rebuild.rebuildAndCompare(Duration.ofMinutes(10));
    }
}
