package budgetledger.app;

import budgetledger.audit.AuditService;
import budgetledger.audit.BudgetJournal;
import budgetledger.audit.StoredEvents;
import budgetledger.audit.Verification;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stored event whose payload cannot be read (here: its type refuses its JSON, as a type changed without an upcaster
 * would) is reported by the verification and stops the journal behind history and as-of, naming the event; neither
 * skips it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UnreadableEventTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();

    /** A payload that reads only while {@link #readable}. */
    record Fragile(String text) {
        static volatile boolean readable = true;

        Fragile {
            if (!readable) {
                throw new IllegalStateException("this shape is no longer understood");
            }
        }
    }

    @Autowired
    EventStore events;
    @Autowired
    TransactionManager transactions;
    @Autowired
    AuditService audit;
    @Autowired
    BudgetJournal journal;

    @AfterEach
    void readableAgain() {
        Fragile.readable = true;
    }

    @Test
    void verification_and_the_journal_report_an_event_they_cannot_read() {
        transactions.executeInTransaction(() -> events.publish(new GenericDomainEventMessage<>("DepartmentBudget",
                "900-2026", 0, new Fragile("stored while readable"))));
        long index = APP.database().count("select max(global_index) from domain_event_entry");
        assertThat(audit.verify().ok()).isTrue();

        Fragile.readable = false;

        Verification verification = audit.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.globalIndex()).isEqualTo(index);
        assertThat(verification.problem()).contains("全局序号 " + index, "900-2026 #0", "无法读取",
                "this shape is no longer understood");
        assertThatThrownBy(() -> journal.entries("900-2026"))
                .isInstanceOf(StoredEvents.UnreadableEventException.class)
                .hasMessageContaining("event " + index + " (900-2026 #0")
                .hasMessageContaining("this shape is no longer understood");
    }
}
