package budgetledger.app;

import budgetledger.command.BudgetRuleException;
import budgetledger.command.api.AdjustBudgetLine;
import budgetledger.command.api.AppropriateBudgetLine;
import budgetledger.command.api.RecordCurrentYearFigure;
import budgetledger.command.api.OpenBudget;
import budgetledger.command.api.TransferBetweenLines;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.UnitType;
import budgetledger.projections.BudgetLineProjection;
import budgetledger.projections.BudgetLineRow;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Commands → events in PostgreSQL → the application restarted → the same lines and amounts, on both sides. */
class LedgerRestartTest {

    static final String ID = "071-2026";
    final TestDatabase db = TestDatabase.create();

    ConfigurableApplicationContext start() {
        // Command-line arguments, so that they win over application.yml as an operator's would.
        List<String> args = new ArrayList<>(List.of("--budget-ledger.db.url=" + db.url,
                "--budget-ledger.db.user=" + db.user, "--server.port=0", "--budget-ledger.snapshot-threshold=5",
                "--budget-ledger.db.max-pool-size=5"));
        args.addAll(TestUsers.args());
        return new SpringApplicationBuilder(BudgetLedgerApplication.class).run(args.toArray(String[]::new));
    }

    static AppropriateBudgetLine line(String amount, String commandId) {
        return new AppropriateBudgetLine(ID, "071001", "2010301", ExpenditureKind.BASIC_PUBLIC_USE, "30201", "50201",
                FundingSource.GENERAL_PUBLIC, Origin.CURRENT_YEAR, null, new BigDecimal(amount), "文号1", "年初预算",
                commandId);
    }

    @Test
    void lines_and_amounts_survive_a_restart_on_both_the_command_and_the_query_side() {
        try (ConfigurableApplicationContext first = start()) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new OpenBudget(ID, "071", "测试局", 2026,
                    List.of(new BudgetUnit("071001", "测试局本级", UnitType.ADMINISTRATIVE))));
            commands.sendAndWait(line("1000.00", "a-1"));
            commands.sendAndWait(line("2000.00", "a-2"));
            commands.sendAndWait(new RecordCurrentYearFigure(ID, BudgetSubject.GOVERNMENT_PROCUREMENT,
                    new BigDecimal("1000.00"), "文号5", "政府采购预算", "cy-1"));
            // Twelve adjustments: enough events for snapshots (every 5) to be taken and read back.
            for (int i = 1; i <= 12; i++) {
                commands.sendAndWait(new AdjustBudgetLine(ID, "L1", new BigDecimal("10.01"), "文号2", "追加", "adj-" + i));
            }
            commands.sendAndWait(new TransferBetweenLines(ID, "L2", "L1", new BigDecimal("500"), "文号3", "调剂", "t-1"));
            BudgetLineProjection lines = first.getBean(BudgetLineProjection.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.lines(ID).stream()
                    .anyMatch(l -> l.lineId().equals("L2") && l.amountFen() == 150_000));
        }
        assertThat(db.count("select count(*) from domain_event_entry where aggregate_identifier = ?", ID)).isEqualTo(17);
        assertThat(db.count("select count(*) from snapshot_event_entry where aggregate_identifier = ?", ID)).isPositive();
        assertThat(db.count("select count(*) from token_entry where processor_name = 'ledger-core' and token is not null"))
                .isPositive();

        try (ConfigurableApplicationContext second = start()) {
            List<BudgetLineRow> lines = second.getBean(BudgetLineProjection.class).lines(ID);
            assertThat(lines).extracting(BudgetLineRow::lineId, BudgetLineRow::amountFen)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("L1", 100_000L + 12 * 1_001L + 50_000L),
                            org.assertj.core.groups.Tuple.tuple("L2", 150_000L));

            // The aggregate, rebuilt from snapshot and events, knows L1 holds exactly 1,620.12 元.
            CommandGateway commands = second.getBean(CommandGateway.class);
            assertThatThrownBy(() -> commands.sendAndWait(
                    new AdjustBudgetLine(ID, "L1", new BigDecimal("-1620.13"), "文号4", "追减", "after-1")))
                    .isInstanceOfSatisfying(BudgetRuleException.class, e -> assertThat(e.rule()).isEqualTo("overdraft"));
            commands.sendAndWait(new AdjustBudgetLine(ID, "L1", new BigDecimal("-1620.12"), "文号4", "追减", "after-2"));
            // And it remembers command ids from before the restart: a retry appends nothing.
            commands.sendAndWait(new AdjustBudgetLine(ID, "L1", new BigDecimal("10.01"), "文号2", "追加", "adj-3"));
            // And the 政府采购 total recorded before the snapshot still bounds its parts.
            assertThatThrownBy(() -> commands.sendAndWait(new RecordCurrentYearFigure(ID,
                    BudgetSubject.PROCUREMENT_GOODS, new BigDecimal("1000.01"), "文号5", "货物", "cy-2")))
                    .isInstanceOfSatisfying(BudgetRuleException.class,
                            e -> assertThat(e.rule()).isEqualTo("parts-exceed-total"));
        }
        assertThat(db.count("select count(*) from domain_event_entry where aggregate_identifier = ?", ID)).isEqualTo(18);
    }
}
