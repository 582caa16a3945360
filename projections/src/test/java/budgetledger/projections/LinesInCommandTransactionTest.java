package budgetledger.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events written in the command's transaction (LinesInCommandTransaction.LINE_ONLY) change no ledger-core read
 * model but {@code budget_line}: were one handled by another projection, an acknowledged change would answer before
 * that projection showed it. Every ledger-core handler class in the package is looked at, so a projection added
 * later is too.
 */
class LinesInCommandTransactionTest {

    /** Handlers of every event: the progress itself. */
    private static final Set<Class<?>> OF_EVERY_EVENT = Set.of(BudgetProgress.class);

    @Test
    void no_ledger_core_projection_but_budget_lines_handles_an_event_written_in_the_command() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        List<String> handled = new ArrayList<>();
        List<Class<?>> projections = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents(LedgerProcessing.class.getPackageName())) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!LedgerProcessing.CORE.equals(type.getAnnotation(ProcessingGroup.class).value())) {
                continue;
            }
            projections.add(type);
            if (type == BudgetLineProjection.class || OF_EVERY_EVENT.contains(type)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(EventHandler.class)) {
                    Class<?> payload = method.getParameterTypes()[0];
                    for (Class<?> written : LinesInCommandTransaction.LINE_ONLY) {
                        if (payload.isAssignableFrom(written)) {
                            handled.add(type.getSimpleName() + " handles " + written.getSimpleName());
                        }
                    }
                }
            }
        }
        assertThat(projections).contains(BudgetLineProjection.class, BudgetProjection.class,
                CurrentYearFigureProjection.class, ProcurementProjection.class, PublishedTableProjection.class);
        assertThat(handled).isEmpty();
    }

    @Test
    void budget_lines_handle_every_event_written_in_the_command_that_changes_lines() {
        List<Class<?>> handledByLines = new ArrayList<>();
        for (Method method : BudgetLineProjection.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(EventHandler.class)) {
                handledByLines.add(method.getParameterTypes()[0]);
            }
        }
        // LineItemsImported changes no read model at all; the others are the line projection's own.
        assertThat(LinesInCommandTransaction.LINE_ONLY).containsAll(handledByLines)
                .hasSize(handledByLines.size() + 1);
    }
}
