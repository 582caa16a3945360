package budgetledger.command;

import budgetledger.command.api.AdjustBudgetLine;
import budgetledger.command.api.ReverseBudgetEvent;
import budgetledger.command.api.TransferBetweenLines;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** CommandTargets answers every command as Axon's AnnotationCommandTargetResolver does, refusals included. */
class CommandTargetsTest {

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver cached = new CommandTargets();

    // Each way a command may name its target, as Axon reads them.
    record OnComponent(@TargetAggregateIdentifier String budgetId, String other) {
    }

    record WithVersion(@TargetAggregateIdentifier String budgetId, @TargetAggregateVersion Object version) {
    }

    static class OnField {
        @TargetAggregateIdentifier
        private final Object target;

        OnField(Object target) {
            this.target = target;
        }
    }

    static class Inherited extends OnField {
        Inherited(Object target) {
            super(target);
        }
    }

    static class OnMethod {
        private final String id;

        OnMethod(String id) {
            this.id = id;
        }

        @TargetAggregateIdentifier
        String target() {
            if ("boom".equals(id)) {
                throw new IllegalStateException("boom");
            }
            return id == null ? null : "m-" + id;
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @TargetAggregateIdentifier
    @interface BudgetTarget {
    }

    record MetaAnnotated(@BudgetTarget String budgetId) {
    }

    record Untargeted(String budgetId) {
    }

    /** Commands of every shape above and of the ledger's own, with identifiers, versions and nulls drawn at random. */
    private static List<Object> commands(Random random, int count) {
        List<Function<Random, Object>> shapes = List.of(
                r -> new OnComponent(id(r), id(r)),
                r -> new WithVersion(id(r), switch (r.nextInt(5)) {
                    case 0 -> null;
                    case 1 -> r.nextLong();
                    case 2 -> Integer.toString(r.nextInt());
                    case 3 -> "v" + r.nextInt(9);
                    default -> r.nextInt(100);
                }),
                r -> new OnField(r.nextBoolean() ? id(r) : (Object) r.nextInt(1000)),
                r -> new Inherited(id(r)),
                r -> new OnMethod(r.nextInt(6) == 0 ? "boom" : id(r)),
                r -> new MetaAnnotated(id(r)),
                r -> new Untargeted(id(r)),
                r -> new AdjustBudgetLine(id(r), "L1", BigDecimal.valueOf(r.nextInt(10_000), 2), "晋财预〔2026〕1号",
                        "追加", "c-" + r.nextInt()),
                r -> new TransferBetweenLines(id(r), "L1", "L2", BigDecimal.ONE, "晋财预〔2026〕2号", "调剂",
                        "c-" + r.nextInt()),
                r -> new ReverseBudgetEvent(id(r), r.nextInt(100), "晋财预〔2026〕3号", "冲销", "c-" + r.nextInt()));
        List<Object> commands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            commands.add(shapes.get(random.nextInt(shapes.size())).apply(random));
        }
        return commands;
    }

    private static String id(Random random) {
        return random.nextInt(8) == 0 ? null : "062-" + (2000 + random.nextInt(60));
    }

    @Test
    void every_generated_command_gets_axons_answer_or_axons_refusal() {
        int refused = 0;
        for (Object command : commands(new Random(18), 2_000)) {
            var message = GenericCommandMessage.asCommandMessage(command);
            Object expected = outcome(() -> axon.resolveTarget(message));
            Object actual = outcome(() -> cached.resolveTarget(message));
            assertThat(actual).as(command.toString()).isEqualTo(expected);
            refused += expected instanceof String ? 1 : 0;
        }
        // Both kinds occur among the cases, or the comparison proves little.
        assertThat(refused).isBetween(200, 1_800);
    }

    @Test
    void an_adjustment_names_its_budget_and_no_version() {
        var message = GenericCommandMessage.asCommandMessage(
                new AdjustBudgetLine("062-2026", "L1", BigDecimal.TEN, "晋财预〔2026〕1号", "追加", "c-1"));
        assertThat(cached.resolveTarget(message)).isEqualTo(new VersionedAggregateIdentifier("062-2026", null));
    }

    @Test
    void a_command_without_its_budget_id_is_refused_with_axons_words() {
        var message = GenericCommandMessage.asCommandMessage(
                new AdjustBudgetLine(null, "L1", BigDecimal.TEN, "晋财预〔2026〕1号", "追加", "c-1"));
        assertThat(catchThrowable(() -> cached.resolveTarget(message))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[AdjustBudgetLine] class contains the @TargetAggregateIdentifier annotation");
    }

    /** The identifier and version, or the refusal's type and message (and its cause's type). */
    private static Object outcome(java.util.function.Supplier<VersionedAggregateIdentifier> resolve) {
        try {
            VersionedAggregateIdentifier target = resolve.get();
            return List.of(target.getIdentifier(), String.valueOf(target.getVersion()));
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage() + " / "
                    + (e.getCause() == null ? "" : e.getCause().getClass().getName());
        }
    }
}
