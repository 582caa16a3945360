package budgetledger.command;

import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.LineAmountChange;
import budgetledger.events.schema.EventSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static budgetledger.model.ExpenditureKind.BASIC_PUBLIC_USE;
import static budgetledger.model.FundingSource.GENERAL_PUBLIC;
import static budgetledger.model.Origin.CURRENT_YEAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The total a budget keeps of its lines (for the budget-limit check) is their sum after every kind of event that sets
 * a line's amount, and a snapshot keeps it.
 */
class LineTotalTest {

    private static final String ID = "062-2026";
    /** Replayed events carry their command's fingerprint, as stored ones do. */
    private static final MetaData STORED = MetaData.with(CommandFingerprint.KEY, "fp");

    @Test
    void the_total_is_the_sum_of_the_lines_after_every_generated_history() throws Exception {
        Random random = new Random(18);
        for (int history = 0; history < 300; history++) {
            DepartmentBudget budget = new DepartmentBudget();
            Map<String, Long> model = new LinkedHashMap<>();
            long sequence = 0;
            for (int step = 0; step < 40; step++) {
                apply(budget, model, random, ++sequence);
                assertThat(budget.totalFen()).as("history %d, step %d", history, step)
                        .isEqualTo(model.values().stream().mapToLong(Long::longValue).sum());
            }
            ObjectMapper mapper = EventSerializer.objectMapper();
            DepartmentBudget snapshot = mapper.readValue(mapper.writeValueAsBytes(budget), DepartmentBudget.class);
            assertThat(snapshot.totalFen()).isEqualTo(budget.totalFen());
        }
    }

    /** One event drawn at random, applied to the budget and to the model of its lines. */
    private static void apply(DepartmentBudget budget, Map<String, Long> model, Random random, long sequence) {
        List<String> ids = new ArrayList<>(model.keySet());
        int kind = ids.size() < 2 ? random.nextInt(2) : random.nextInt(5);
        String c = "c-" + sequence;
        switch (kind) {
            case 0 -> {
                String id = "L" + (model.size() + 1);
                long fen = random.nextInt(1_000_000);
                model.put(id, fen);
                budget.on(line(id, fen, c), sequence, STORED);
            }
            case 1 -> {
                List<BudgetLineAppropriated> lines = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    String id = "L" + (model.size() + 1);
                    long fen = random.nextInt(1_000_000);
                    model.put(id, fen);
                    lines.add(line(id, fen, c + "#L" + i));
                }
                budget.on(new BudgetLinesAppropriated(ID, lines), sequence, STORED);
            }
            case 2 -> {
                String id = ids.get(random.nextInt(ids.size()));
                long change = random.nextInt(2_000_000) - model.get(id);
                model.put(id, model.get(id) + change);
                budget.on(new BudgetLineAdjusted(ID, id, change, model.get(id), "文号", "追加", c), sequence, STORED);
            }
            case 3 -> {
                String from = ids.get(random.nextInt(ids.size()));
                String to = ids.stream().filter(id -> !id.equals(from)).findAny().orElseThrow();
                long fen = random.nextInt((int) Math.min(Integer.MAX_VALUE, model.get(from) + 1));
                model.put(from, model.get(from) - fen);
                model.put(to, model.get(to) + fen);
                budget.on(new BudgetAmountTransferred(ID, from, to, fen, model.get(from), model.get(to), "文号", "调剂",
                        c), sequence, STORED);
            }
            default -> {
                String id = ids.get(random.nextInt(ids.size()));
                long undo = -random.nextInt((int) Math.min(Integer.MAX_VALUE, model.get(id) + 1));
                model.put(id, model.get(id) + undo);
                budget.on(new BudgetEventReversed(ID, sequence - 1, "BudgetLineAdjusted",
                        List.of(new LineAmountChange(id, undo, model.get(id))), "文号", "冲销", c), sequence, STORED);
            }
        }
    }

    private static BudgetLineAppropriated line(String id, long fen, String commandId) {
        return new BudgetLineAppropriated(ID, id, "062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201",
                GENERAL_PUBLIC, CURRENT_YEAR, null, fen, "文号", "年初预算", commandId);
    }
}
