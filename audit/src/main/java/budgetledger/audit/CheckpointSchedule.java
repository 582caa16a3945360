package budgetledger.audit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Takes a checkpoint of the chain's head now and then, so that auditors find one for any period. */
@Component
public class CheckpointSchedule {

    private final AuditService audit;

    public CheckpointSchedule(AuditService audit) {
        this.audit = audit;
    }

    @Scheduled(initialDelayString = "${budget-ledger.audit.checkpoint-interval:PT10M}",
            fixedDelayString = "${budget-ledger.audit.checkpoint-interval:PT10M}")
    void take() {
        audit.checkpoint();
    }
}
