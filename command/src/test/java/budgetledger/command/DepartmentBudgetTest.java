package budgetledger.command;

import budgetledger.command.api.AdjustBudgetLine;
import budgetledger.command.api.ImportLineItems;
import budgetledger.command.api.AppropriateBudgetLine;
import budgetledger.command.api.CommandReceipt;
import budgetledger.command.api.CommandReceipt.LineBalance;
import budgetledger.command.api.OpenBudget;
import budgetledger.command.api.RecordChangeReason;
import budgetledger.command.api.RecordCurrentYearFigure;
import budgetledger.command.api.RecordPriorYearFigure;
import budgetledger.command.api.ReverseBudgetEvent;
import budgetledger.command.api.TransferBetweenLines;
import budgetledger.events.BudgetAmountTransferred;
import budgetledger.events.BudgetEventReversed;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.events.BudgetLineAppropriated;
import budgetledger.events.BudgetOpened;
import budgetledger.events.ChangeReasonRecorded;
import budgetledger.events.CurrentYearFigureRecorded;
import budgetledger.events.LineAmountChange;
import budgetledger.events.BudgetLinesAppropriated;
import budgetledger.events.LineItemsImported;
import budgetledger.events.PriorYearFigureRecorded;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.Origin;
import budgetledger.model.UnitType;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static budgetledger.model.ExpenditureKind.BASIC_PERSONNEL;
import static budgetledger.model.ExpenditureKind.BASIC_PUBLIC_USE;
import static budgetledger.model.ExpenditureKind.PROJECT;
import static budgetledger.model.FundingSource.GENERAL_PUBLIC;
import static budgetledger.model.Origin.CURRENT_YEAR;

/** The rules of a department's budget, one behaviour per test: given events, when a command, then events or a refusal. */
class DepartmentBudgetTest {

    static final String ID = "062-2026";
    static final String DOC = "晋财预〔2026〕1号";
    static final List<BudgetUnit> UNITS = List.of(
            new BudgetUnit("062001", "晋城市行政审批服务管理局（本级）", UnitType.ADMINISTRATIVE),
            new BudgetUnit("062003", "晋城市公共资源交易中心", UnitType.PUBLIC_INSTITUTION));

    static final BudgetOpened OPENED = new BudgetOpened(ID, "062", "晋城市行政审批服务管理局", 2026, UNITS);
    /** L1: 办公费 on a basic public-use line, 1,000.00 元. */
    static final BudgetLineAppropriated L1 = new BudgetLineAppropriated(ID, "L1", "062001", "2010306",
            BASIC_PUBLIC_USE, "30201", "50201", GENERAL_PUBLIC, CURRENT_YEAR, null, 100_000, DOC, "年初预算", "c-1");
    /** L2: a project line, 500.00 元. */
    static final BudgetLineAppropriated L2 = new BudgetLineAppropriated(ID, "L2", "062001", "2010306",
            PROJECT, null, null, GENERAL_PUBLIC, CURRENT_YEAR, "云桌面服务费", 50_000, DOC, "年初预算", "c-2");

    AggregateTestFixture<DepartmentBudget> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DepartmentBudget.class);
        // Command handlers read the budget's own stream for receipts older than the window and for 冲销.
        fixture.registerInjectableResource(fixture.getEventStore());
    }

    static BigDecimal yuan(String text) {
        return new BigDecimal(text);
    }

    static AppropriateBudgetLine line(String unit, String functional, ExpenditureKind kind, String dept, String gov,
                                      String project, String amount, String commandId) {
        return new AppropriateBudgetLine(ID, unit, functional, kind, dept, gov, GENERAL_PUBLIC, CURRENT_YEAR,
                project, yuan(amount), DOC, "年初预算", commandId);
    }

    static void refused(ResultValidator<DepartmentBudget> result, BudgetRuleException.Kind kind, String field,
                        String rule) {
        result.expectNoEvents()
                .expectException(BudgetRuleException.class)
                .expectException(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.hasProperty("message", org.hamcrest.Matchers.notNullValue()),
                        new org.hamcrest.CustomTypeSafeMatcher<BudgetRuleException>(kind + " " + field + " " + rule) {
                            @Override
                            protected boolean matchesSafely(BudgetRuleException e) {
                                return e.kind() == kind && java.util.Objects.equals(e.field(), field)
                                        && e.rule().equals(rule);
                            }
                        }));
    }

    @Nested
    class Opening {

        @Test
        void opening_a_budget_records_its_department_year_and_units() {
            fixture.givenNoPriorActivity()
                    .when(new OpenBudget(ID, "062", "晋城市行政审批服务管理局", 2026, UNITS))
                    .expectEvents(OPENED);
        }

        @Test
        void the_budget_id_must_be_department_code_and_year() {
            refused(fixture.givenNoPriorActivity()
                            .when(new OpenBudget("062-2025", "062", "晋城市行政审批服务管理局", 2026, UNITS)),
                    BudgetRuleException.Kind.INVALID, "budgetId", "budget-id-mismatch");
        }

        @Test
        void a_year_without_a_classification_catalogue_is_refused() {
            refused(fixture.givenNoPriorActivity()
                            .when(new OpenBudget("062-2018", "062", "晋城市行政审批服务管理局", 2018, UNITS)),
                    BudgetRuleException.Kind.INVALID, "fiscalYear", "no-catalogue");
        }

        @Test
        void unit_codes_must_be_distinct() {
            List<BudgetUnit> twice = List.of(UNITS.get(0), new BudgetUnit("062001", "又一个", UnitType.PUBLIC_INSTITUTION));
            refused(fixture.givenNoPriorActivity().when(new OpenBudget(ID, "062", "局", 2026, twice)),
                    BudgetRuleException.Kind.INVALID, "units[1].code", "duplicate-unit");
        }

        @Test
        void a_budget_needs_at_least_one_unit() {
            refused(fixture.givenNoPriorActivity().when(new OpenBudget(ID, "062", "局", 2026, List.of())),
                    BudgetRuleException.Kind.INVALID, "units", "required");
        }

        @Test
        void a_unit_needs_a_type() {
            refused(fixture.givenNoPriorActivity().when(new OpenBudget(ID, "062", "局", 2026,
                            List.of(new BudgetUnit("062001", "本级", null)))),
                    BudgetRuleException.Kind.INVALID, "units[0].type", "required");
        }
    }

    @Nested
    class Appropriation {

        @Test
        void a_basic_line_is_appropriated_with_its_dimensions_and_the_amount_in_fen() {
            fixture.given(OPENED)
                    .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null, "1000.00", "c-1"))
                    .expectEvents(L1)
                    .expectResultMessagePayload(new CommandReceipt("c-1", "AppropriateBudgetLine", 1,
                            List.of(new LineBalance("L1", 100_000))));
        }

        @Test
        void line_ids_are_numbered_in_order_of_appropriation() {
            fixture.given(OPENED, L1)
                    .when(line("062001", "2010306", PROJECT, null, null, "云桌面服务费", "500", "c-2"))
                    .expectEvents(L2);
        }

        @Test
        void a_project_line_may_carry_an_economic_item_such_as_a_vehicle_purchase() {
            fixture.given(OPENED)
                    .when(line("062001", "2010306", PROJECT, "31013", "50303", "公务用车购置", "250000", "c-9"))
                    .expectEvents(new BudgetLineAppropriated(ID, "L1", "062001", "2010306", PROJECT, "31013",
                            "50303", GENERAL_PUBLIC, CURRENT_YEAR, "公务用车购置", 25_000_000, DOC, "年初预算", "c-9"));
        }

        @Test
        void amounts_with_more_than_two_decimals_are_refused() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null, "10.005", "c-1")),
                    BudgetRuleException.Kind.INVALID, "amount", "fraction-of-fen");
        }

        @Test
        void trailing_zeros_beyond_two_decimals_are_exact_and_accepted() {
            fixture.given(OPENED)
                    .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null, "1000.0000", "c-1"))
                    .expectEvents(L1);
        }

        @Test
        void an_appropriation_must_be_positive() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null, "0", "c-1")),
                    BudgetRuleException.Kind.INVALID, "amount", "amount-sign");
        }

        @Test
        void the_unit_must_be_registered_with_the_budget() {
            refused(fixture.given(OPENED)
                            .when(line("062999", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null, "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "unitCode", "unit-not-registered");
        }

        @Test
        void a_functional_code_must_be_seven_digits() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "20103", BASIC_PUBLIC_USE, "30201", "50201", null, "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "functionalCode", "malformed-code");
        }

        @Test
        void a_functional_code_must_be_in_the_catalogue_of_the_year() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010398", BASIC_PUBLIC_USE, "30201", "50201", null, "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "functionalCode", "unknown-code");
        }

        @Test
        void a_department_economic_code_must_be_in_the_catalogue() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30298", "50201", null, "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "deptEconomicCode", "unknown-code");
        }

        @Test
        void a_government_economic_code_must_be_well_formed() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "502", null, "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "govEconomicCode", "malformed-code");
        }

        @Test
        void the_government_item_must_be_the_one_the_department_item_maps_to() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50206", null, "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "govEconomicCode", "economic-pair-mismatch");
        }

        @Test
        void a_public_institution_may_use_the_subsidy_item_its_department_item_maps_to() {
            fixture.given(OPENED)
                    .when(line("062003", "2010350", BASIC_PERSONNEL, "30101", "50501", null, "1", "c-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(BudgetLineAppropriated.class))));
        }

        @Test
        void a_basic_line_needs_economic_codes() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", BASIC_PUBLIC_USE, null, null, null, "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "deptEconomicCode", "required-on-basic-line");
        }

        @Test
        void economic_codes_come_in_pairs() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", PROJECT, "30201", null, "项目", "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "govEconomicCode", "required");
        }

        @Test
        void personnel_expenses_use_wage_or_household_items_only() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", BASIC_PERSONNEL, "30201", "50201", null, "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "deptEconomicCode", "economic-item-not-personnel");
        }

        @Test
        void public_use_expenses_use_goods_and_services_or_capital_items_only() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30101", "50101", null, "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "deptEconomicCode", "economic-item-not-public-use");
        }

        @Test
        void a_project_line_needs_a_project_name() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", PROJECT, null, null, " ", "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "project", "required-on-project-line");
        }

        @Test
        void a_basic_line_has_no_project_name() {
            refused(fixture.given(OPENED)
                            .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", "项目", "1", "c-1")),
                    BudgetRuleException.Kind.INVALID, "project", "project-on-basic-line");
        }

        @Test
        void every_change_carries_a_document_number() {
            refused(fixture.given(OPENED).when(new AppropriateBudgetLine(ID, "062001", "2010306", BASIC_PUBLIC_USE,
                            "30201", "50201", GENERAL_PUBLIC, CURRENT_YEAR, null, yuan("1"), "", "年初预算", "c-1")),
                    BudgetRuleException.Kind.INVALID, "documentNo", "required");
        }

        @Test
        void every_change_carries_a_command_id() {
            refused(fixture.given(OPENED).when(new AppropriateBudgetLine(ID, "062001", "2010306", BASIC_PUBLIC_USE,
                            "30201", "50201", GENERAL_PUBLIC, CURRENT_YEAR, null, yuan("1"), DOC, "年初预算", null)),
                    BudgetRuleException.Kind.INVALID, "commandId", "required");
        }

        @Test
        void a_funding_source_is_required() {
            refused(fixture.given(OPENED).when(new AppropriateBudgetLine(ID, "062001", "2010306", BASIC_PUBLIC_USE,
                            "30201", "50201", null, Origin.CURRENT_YEAR, null, yuan("1"), DOC, "年初预算", "c-1")),
                    BudgetRuleException.Kind.INVALID, "fundingSource", "required");
        }
    }

    @Nested
    class Adjustment {

        @Test
        void an_increase_records_the_signed_amount_and_the_new_amount() {
            fixture.given(OPENED, L1)
                    .when(new AdjustBudgetLine(ID, "L1", yuan("250.50"), "晋财预〔2026〕15号", "追加办公经费", "c-3"))
                    .expectEvents(new BudgetLineAdjusted(ID, "L1", 25_050, 125_050, "晋财预〔2026〕15号",
                            "追加办公经费", "c-3"))
                    .expectResultMessagePayload(new CommandReceipt("c-3", "AdjustBudgetLine", 2,
                            List.of(new LineBalance("L1", 125_050))));
        }

        @Test
        void a_decrease_to_exactly_zero_is_allowed() {
            fixture.given(OPENED, L1)
                    .when(new AdjustBudgetLine(ID, "L1", yuan("-1000.00"), DOC, "追减", "c-3"))
                    .expectEvents(new BudgetLineAdjusted(ID, "L1", -100_000, 0, DOC, "追减", "c-3"));
        }

        @Test
        void a_line_never_goes_below_zero() {
            refused(fixture.given(OPENED, L1).when(new AdjustBudgetLine(ID, "L1", yuan("-1000.01"), DOC, "追减", "c-3")),
                    BudgetRuleException.Kind.CONFLICT, "amount", "overdraft");
        }

        @Test
        void an_adjustment_of_zero_is_refused() {
            refused(fixture.given(OPENED, L1).when(new AdjustBudgetLine(ID, "L1", yuan("0.00"), DOC, "追加", "c-3")),
                    BudgetRuleException.Kind.INVALID, "amount", "amount-sign");
        }

        @Test
        void an_unknown_line_is_not_found() {
            refused(fixture.given(OPENED, L1).when(new AdjustBudgetLine(ID, "L9", yuan("1"), DOC, "追加", "c-3")),
                    BudgetRuleException.Kind.NOT_FOUND, "lineId", "unknown-line");
        }

        @Test
        void a_reason_is_required() {
            refused(fixture.given(OPENED, L1).when(new AdjustBudgetLine(ID, "L1", yuan("1"), DOC, null, "c-3")),
                    BudgetRuleException.Kind.INVALID, "reason", "required");
        }
    }

    /** LedgerLimits: a line at most 10^13 元, a budget at most 10^14 元, so that no sum of a table overflows. */
    @Nested
    class Limits {

        static final long LINE_LIMIT = 1_000_000_000_000_000L;

        BudgetLineAppropriated full(int n) {
            return new BudgetLineAppropriated(ID, "L" + n, "062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201",
                    GENERAL_PUBLIC, CURRENT_YEAR, null, LINE_LIMIT, DOC, "年初预算", "full-" + n);
        }

        @Test
        void an_increase_past_the_line_limit_is_a_conflict_naming_the_rule() {
            refused(fixture.given(OPENED, full(1)).when(new AdjustBudgetLine(ID, "L1", yuan("0.01"), DOC, "追加", "c-9")),
                    BudgetRuleException.Kind.CONFLICT, "amount", "line-limit");
        }

        @Test
        void a_transfer_into_a_full_line_is_refused_and_out_of_it_allowed() {
            refused(fixture.given(OPENED, L1, full(2)).when(new TransferBetweenLines(ID, "L1", "L2", yuan("1"), DOC, "调剂", "c-9")),
                    BudgetRuleException.Kind.CONFLICT, "amount", "line-limit");
            fixture.given(OPENED, L1, full(2)).when(new TransferBetweenLines(ID, "L2", "L1", yuan("1"), DOC, "调剂", "c-9"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_appropriation_past_the_budget_limit_is_a_conflict_naming_the_rule() {
            List<Object> tenFullLines = new java.util.ArrayList<>(List.of(OPENED));
            for (int n = 1; n <= 10; n++) {
                tenFullLines.add(full(n));
            }
            refused(fixture.given(tenFullLines).when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null,
                            "0.01", "c-9")),
                    BudgetRuleException.Kind.CONFLICT, "amount", "budget-limit");
            fixture.given(tenFullLines).when(new AdjustBudgetLine(ID, "L1", yuan("-1"), DOC, "追减", "c-9"))
                    .expectSuccessfulHandlerExecution();
        }

        /**
         * A file's running total passes the range of a long on the way (lines at the line limit, 10^15 分 each,
         * a hundred more than a long holds): the file is judged by its total after every item, added up line by line
         * (LineAmounts), not refused on the way nor failing with an overflow.
         */
        @Test
        void a_file_whose_running_total_leaves_a_long_is_judged_by_its_total_after_every_item() {
            // Past a long by a hundred lines at the line limit.
            int count = (int) (Long.MAX_VALUE / LINE_LIMIT) + 100;
            String fullYuan = java.math.BigDecimal.valueOf(LINE_LIMIT, 2).toPlainString();
            List<AppropriateBudgetLine> full = java.util.stream.IntStream.rangeClosed(1, count)
                    .mapToObj(i -> line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null,
                            fullYuan, "big#L" + i)).toList();
            List<ImportLineItems.Adjustment> emptied = java.util.stream.IntStream.rangeClosed(1, count)
                    .mapToObj(i -> new ImportLineItems.Adjustment("#" + i, yuan("-" + fullYuan), DOC, "追减"))
                    .toList();
            String sha = "cd".repeat(32);
            fixture.given(OPENED).when(new ImportLineItems(ID, "big.csv", sha, full, emptied, List.of(), "big-1"))
                    .expectSuccessfulHandlerExecution();
            refused(fixture.given(OPENED).when(new ImportLineItems(ID, "big.csv", sha, full, List.of(), List.of(),
                    "big-2")), BudgetRuleException.Kind.CONFLICT, "lines", "budget-limit");
        }
    }

    /** The ledger's text rules (TextRules) hold for every text field of every command. */
    @Nested
    class TextHygiene {

        @Test
        void a_nul_in_a_reason_is_refused_naming_the_field() {
            refused(fixture.given(OPENED, L1).when(new AdjustBudgetLine(ID, "L1", yuan("1"), DOC, "追加\u0000", "c-3")),
                    BudgetRuleException.Kind.INVALID, "reason", "control-character");
        }

        @Test
        void a_reason_may_run_over_lines_but_a_document_number_may_not() {
            fixture.given(OPENED, L1).when(new AdjustBudgetLine(ID, "L1", yuan("1"), DOC, "追加\n办公经费", "c-3"))
                    .expectSuccessfulHandlerExecution();
            refused(fixture.given(OPENED, L1).when(new AdjustBudgetLine(ID, "L1", yuan("1"), "晋财\n预", "追加", "c-3")),
                    BudgetRuleException.Kind.INVALID, "documentNo", "control-character");
        }

        @Test
        void a_right_to_left_override_in_a_unit_name_is_refused() {
            refused(fixture.givenNoPriorActivity().when(new OpenBudget(ID, "062", "局", 2026,
                            List.of(new BudgetUnit("062001", "本级\u202Egnp.exe", UnitType.ADMINISTRATIVE)))),
                    BudgetRuleException.Kind.INVALID, "units[0].name", "bidi-control");
        }

        @Test
        void a_zero_width_project_name_and_an_invisible_only_department_name_are_refused() {
            refused(fixture.given(OPENED).when(line("062001", "2010306", PROJECT, null, null, "云桌面\u200B服务费", "1", "c-3")),
                    BudgetRuleException.Kind.INVALID, "project", "invisible-character");
            refused(fixture.givenNoPriorActivity().when(new OpenBudget(ID, "062", "\u3164\u00A0", 2026, UNITS)),
                    BudgetRuleException.Kind.INVALID, "departmentName", "invisible-only");
        }

        @Test
        void unit_and_department_codes_are_ascii_digits() {
            refused(fixture.givenNoPriorActivity().when(new OpenBudget(ID, "062", "局", 2026,
                            List.of(new BudgetUnit("../../etc/passwd", "本级", UnitType.ADMINISTRATIVE)))),
                    BudgetRuleException.Kind.INVALID, "units[0].code", "malformed-code");
            refused(fixture.givenNoPriorActivity().when(new OpenBudget(ID, "062", "局", 2026,
                            List.of(new BudgetUnit("０６２００１", "本级", UnitType.ADMINISTRATIVE)))),
                    BudgetRuleException.Kind.INVALID, "units[0].code", "malformed-code");
            refused(fixture.givenNoPriorActivity().when(new OpenBudget("A62-2026", "A62", "局", 2026, UNITS)),
                    BudgetRuleException.Kind.INVALID, "departmentCode", "malformed-code");
        }

        @Test
        void a_control_character_in_a_command_id_is_refused() {
            refused(fixture.given(OPENED, L1).when(new AdjustBudgetLine(ID, "L1", yuan("1"), DOC, "追加", "c\u0007")),
                    BudgetRuleException.Kind.INVALID, "commandId", "control-character");
        }
    }

    @Nested
    class Transfer {

        @Test
        void a_transfer_moves_the_amount_and_creates_or_loses_nothing() {
            fixture.given(OPENED, L1, L2)
                    .when(new TransferBetweenLines(ID, "L1", "L2", yuan("300"), DOC, "调剂", "c-4"))
                    .expectEvents(new BudgetAmountTransferred(ID, "L1", "L2", 30_000, 70_000, 80_000, DOC, "调剂", "c-4"));
        }

        @Test
        void a_transfer_cannot_take_more_than_the_line_holds() {
            refused(fixture.given(OPENED, L1, L2)
                            .when(new TransferBetweenLines(ID, "L2", "L1", yuan("500.01"), DOC, "调剂", "c-4")),
                    BudgetRuleException.Kind.CONFLICT, "amount", "overdraft");
        }

        @Test
        void a_transfer_names_two_different_lines() {
            refused(fixture.given(OPENED, L1, L2)
                            .when(new TransferBetweenLines(ID, "L1", "L1", yuan("1"), DOC, "调剂", "c-4")),
                    BudgetRuleException.Kind.CONFLICT, "toLineId", "same-line");
        }

        @Test
        void both_lines_must_exist_in_this_budget() {
            refused(fixture.given(OPENED, L1, L2)
                            .when(new TransferBetweenLines(ID, "L1", "L3", yuan("1"), DOC, "调剂", "c-4")),
                    BudgetRuleException.Kind.NOT_FOUND, "toLineId", "unknown-line");
        }

        @Test
        void a_transfer_amount_must_be_positive() {
            refused(fixture.given(OPENED, L1, L2)
                            .when(new TransferBetweenLines(ID, "L1", "L2", yuan("-1"), DOC, "调剂", "c-4")),
                    BudgetRuleException.Kind.INVALID, "amount", "amount-sign");
        }
    }

    @Nested
    class LineItemFile {

        static final String SHA = "ab".repeat(32);

        ImportLineItems file(List<ImportLineItems.Adjustment> adjustments, List<ImportLineItems.Transfer> transfers) {
            return new ImportLineItems(ID, "lines.xlsx", SHA,
                    List.of(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null, "200.00", "f#L1")),
                    adjustments, transfers, "lines-f");
        }

        @Test
        void a_file_records_its_lines_then_adjustments_then_transfers_naming_new_lines_by_number() {
            fixture.given(OPENED, L1)
                    .when(file(List.of(new ImportLineItems.Adjustment("#1", yuan("-50.00"), DOC, "追减")),
                            List.of(new ImportLineItems.Transfer("L1", "1", yuan("10.00"), DOC, "调剂"))))
                    .expectEvents(new LineItemsImported(ID, "lines.xlsx", SHA, 1, 1, 1, "lines-f"),
                            new BudgetLinesAppropriated(ID, List.of(new BudgetLineAppropriated(ID, "L2", "062001",
                                    "2010306", BASIC_PUBLIC_USE, "30201", "50201", GENERAL_PUBLIC, CURRENT_YEAR, null,
                                    20_000, DOC, "年初预算", "lines-f#L1"))),
                            new BudgetLineAdjusted(ID, "L2", -5_000, 15_000, DOC, "追减", "lines-f#A1"),
                            new BudgetAmountTransferred(ID, "L1", "L2", 1_000, 99_000, 16_000, DOC, "调剂",
                                    "lines-f#T1"));
        }

        @Test
        void an_overdraft_anywhere_in_the_file_records_nothing_of_it() {
            refused(fixture.given(OPENED, L1)
                            .when(file(List.of(new ImportLineItems.Adjustment("#1", yuan("-200.01"), DOC, "追减")),
                                    List.of())),
                    BudgetRuleException.Kind.CONFLICT, "adjustments[0].amount", "overdraft");
        }

        @Test
        void the_same_file_a_second_time_is_refused() {
            refused(fixture.given(OPENED, new LineItemsImported(ID, "lines.xlsx", SHA, 0, 0, 0, "lines-f"))
                            .when(file(List.of(), List.of())),
                    BudgetRuleException.Kind.CONFLICT, "file", "file-already-imported");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void the_same_command_id_twice_yields_one_event_and_the_same_answer() {
            fixture.given(OPENED, L1, new BudgetLineAdjusted(ID, "L1", 25_050, 125_050, DOC, "追加", "c-3"))
                    .when(new AdjustBudgetLine(ID, "L1", yuan("250.50"), DOC, "追加", "c-3"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandReceipt("c-3", "AdjustBudgetLine", 2,
                            List.of(new LineBalance("L1", 125_050))));
        }

        @Test
        void a_retried_appropriation_returns_the_line_it_created() {
            fixture.given(OPENED, L1)
                    .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null, "1000.00", "c-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandReceipt("c-1", "AppropriateBudgetLine", 1,
                            List.of(new LineBalance("L1", 100_000))));
        }

        /** The stored event carries the fingerprint and actor of its command, as Axon copies them from it. */
        GenericEventMessage<BudgetLineAdjusted> adjustedBy(AdjustBudgetLine command, String actor) {
            return new GenericEventMessage<>(new BudgetLineAdjusted(ID, "L1", 25_050, 125_050, DOC, "追加", "c-3"),
                    Map.of(CommandFingerprint.KEY, CommandFingerprint.of(command), "actor", actor));
        }

        static Map<String, ?> sentBy(AdjustBudgetLine command, String actor) {
            return Map.of(CommandFingerprint.KEY, CommandFingerprint.of(command), "actor", actor);
        }

        @Test
        void a_retry_with_the_same_fingerprint_and_user_gets_the_first_receipt() {
            AdjustBudgetLine first = new AdjustBudgetLine(ID, "L1", yuan("250.50"), DOC, "追加", "c-3");
            AdjustBudgetLine sameAmountWrittenOtherwise = new AdjustBudgetLine(ID, "L1", yuan("250.500"), DOC, "追加", "c-3");
            fixture.given(OPENED, L1, adjustedBy(first, "finance"))
                    .when(sameAmountWrittenOtherwise, sentBy(sameAmountWrittenOtherwise, "finance"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandReceipt("c-3", "AdjustBudgetLine", 2,
                            List.of(new LineBalance("L1", 125_050))));
        }

        @Test
        void a_command_id_sent_again_with_another_amount_is_refused() {
            AdjustBudgetLine first = new AdjustBudgetLine(ID, "L1", yuan("250.50"), DOC, "追加", "c-3");
            AdjustBudgetLine other = new AdjustBudgetLine(ID, "L1", yuan("9999"), DOC, "追加", "c-3");
            refused(fixture.given(OPENED, L1, adjustedBy(first, "finance")).when(other, sentBy(other, "finance")),
                    BudgetRuleException.Kind.CONFLICT, "commandId", "command-id-reused");
        }

        @Test
        void a_command_id_sent_again_by_another_user_is_refused() {
            AdjustBudgetLine first = new AdjustBudgetLine(ID, "L1", yuan("250.50"), DOC, "追加", "c-3");
            refused(fixture.given(OPENED, L1, adjustedBy(first, "finance")).when(first, sentBy(first, "mallory")),
                    BudgetRuleException.Kind.CONFLICT, "commandId", "command-id-reused");
        }

        @Test
        void a_command_id_used_for_another_kind_of_command_is_refused() {
            refused(fixture.given(OPENED, L1, L2)
                            .when(new TransferBetweenLines(ID, "L1", "L2", yuan("1"), DOC, "调剂", "c-1")),
                    BudgetRuleException.Kind.CONFLICT, "commandId", "command-id-reused");
        }

        /** 300 adjustments of L1 by 1.00 元 each, as stored: each event with its command's fingerprint. */
        List<Object> manyAdjustments() {
            List<Object> given = new java.util.ArrayList<>(List.of(OPENED, L1));
            for (int n = 0; n < 300; n++) {
                AdjustBudgetLine command = new AdjustBudgetLine(ID, "L1", yuan("1.00"), DOC, "追加", "c-a" + n);
                given.add(new GenericEventMessage<>(new BudgetLineAdjusted(ID, "L1", 100, 100_000 + 100L * (n + 1),
                        DOC, "追加", "c-a" + n), sentBy(command, "finance")));
            }
            return given;
        }

        @Test
        void a_retry_older_than_the_window_gets_the_first_receipt_from_the_stream() {
            AdjustBudgetLine first = new AdjustBudgetLine(ID, "L1", yuan("1.00"), DOC, "追加", "c-a0");
            fixture.given(manyAdjustments())
                    .when(first, sentBy(first, "finance"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandReceipt("c-a0", "AdjustBudgetLine", 2,
                            List.of(new LineBalance("L1", 100_100))));
        }

        @Test
        void a_command_id_older_than_the_window_sent_with_another_body_is_refused() {
            AdjustBudgetLine other = new AdjustBudgetLine(ID, "L1", yuan("2.00"), DOC, "追加", "c-a0");
            refused(fixture.given(manyAdjustments()).when(other, sentBy(other, "finance")),
                    BudgetRuleException.Kind.CONFLICT, "commandId", "command-id-reused");
        }

        @Test
        void an_event_older_than_the_window_is_reversed_from_the_stream() {
            fixture.given(manyAdjustments())
                    .when(new ReverseBudgetEvent(ID, 2, DOC, "追加有误", "c-r"))
                    .expectEvents(new BudgetEventReversed(ID, 2, "BudgetLineAdjusted",
                            List.of(new LineAmountChange("L1", -100, 129_900)), DOC, "追加有误", "c-r"));
        }
    }

    @Nested
    class PriorYearAndReasons {

        @Test
        void a_prior_year_figure_is_recorded_in_fen() {
            fixture.given(OPENED)
                    .when(new RecordPriorYearFigure(ID, BudgetSubject.TOTAL, yuan("45573600.00"), DOC, "上年预算", "c-5"))
                    .expectEvents(new PriorYearFigureRecorded(ID, BudgetSubject.TOTAL, 4_557_360_000L, DOC, "上年预算", "c-5"));
        }

        @Test
        void a_prior_year_figure_may_be_zero_but_not_negative() {
            refused(fixture.given(OPENED)
                            .when(new RecordPriorYearFigure(ID, BudgetSubject.TRAVEL_ABROAD, yuan("-1"), DOC, "上年", "c-5")),
                    BudgetRuleException.Kind.INVALID, "amount", "amount-sign");
        }

        @Test
        void a_change_reason_is_recorded_for_its_subject() {
            fixture.given(OPENED)
                    .when(new RecordChangeReason(ID, BudgetSubject.RECEPTION, "局机关公务接待费减少1万元", DOC, "c-6"))
                    .expectEvents(new ChangeReasonRecorded(ID, BudgetSubject.RECEPTION, "局机关公务接待费减少1万元", DOC, "c-6"));
        }

        @Test
        void a_change_reason_names_its_subject() {
            refused(fixture.given(OPENED).when(new RecordChangeReason(ID, null, "原因", DOC, "c-6")),
                    BudgetRuleException.Kind.INVALID, "subject", "required");
        }
    }

    @Nested
    class CurrentYearFigures {

        static final CurrentYearFigureRecorded TOTAL_736 = new CurrentYearFigureRecorded(ID,
                BudgetSubject.GOVERNMENT_PROCUREMENT, 736_140_000L, DOC, "政府采购预算", "c-7");

        @Test
        void the_procurement_total_is_recorded_in_fen() {
            fixture.given(OPENED)
                    .when(new RecordCurrentYearFigure(ID, BudgetSubject.GOVERNMENT_PROCUREMENT, yuan("7361400.00"),
                            DOC, "政府采购预算", "c-7"))
                    .expectEvents(TOTAL_736);
        }

        @Test
        void a_part_within_the_total_is_recorded() {
            fixture.given(OPENED, TOTAL_736)
                    .when(new RecordCurrentYearFigure(ID, BudgetSubject.PROCUREMENT_SERVICES, yuan("6411900"), DOC,
                            "政府采购服务", "c-8"))
                    .expectEvents(new CurrentYearFigureRecorded(ID, BudgetSubject.PROCUREMENT_SERVICES,
                            641_190_000L, DOC, "政府采购服务", "c-8"));
        }

        @Test
        void a_figure_the_lines_give_cannot_be_typed() {
            refused(fixture.given(OPENED).when(new RecordCurrentYearFigure(ID, BudgetSubject.THREE_PUBLIC_TOTAL,
                            yuan("39500"), DOC, "三公", "c-7")),
                    BudgetRuleException.Kind.INVALID, "subject", "derived-from-lines");
        }

        @Test
        void the_parts_never_exceed_the_total() {
            refused(fixture.given(OPENED, TOTAL_736, new CurrentYearFigureRecorded(ID,
                            BudgetSubject.PROCUREMENT_SERVICES, 641_190_000L, DOC, "服务", "c-8"))
                            .when(new RecordCurrentYearFigure(ID, BudgetSubject.PROCUREMENT_GOODS, yuan("949500.01"),
                                    DOC, "货物", "c-9")),
                    BudgetRuleException.Kind.CONFLICT, "amount", "parts-exceed-total");
        }

        @Test
        void a_total_below_its_recorded_parts_is_refused() {
            refused(fixture.given(OPENED, new CurrentYearFigureRecorded(ID, BudgetSubject.PROCUREMENT_GOODS,
                            94_950_000L, DOC, "货物", "c-8"))
                            .when(new RecordCurrentYearFigure(ID, BudgetSubject.GOVERNMENT_PROCUREMENT, yuan("949499.99"),
                                    DOC, "总额", "c-9")),
                    BudgetRuleException.Kind.CONFLICT, "amount", "parts-exceed-total");
        }

        @Test
        void a_figure_is_not_negative_and_names_its_subject() {
            refused(fixture.given(OPENED).when(new RecordCurrentYearFigure(ID, BudgetSubject.PROCUREMENT_WORKS,
                    yuan("-1"), DOC, "工程", "c-7")), BudgetRuleException.Kind.INVALID, "amount", "amount-sign");
            refused(fixture.given(OPENED).when(new RecordCurrentYearFigure(ID, null, yuan("1"), DOC, "工程", "c-7")),
                    BudgetRuleException.Kind.INVALID, "subject", "required");
        }

        @Test
        void a_retry_with_the_same_command_id_records_nothing_new() {
            fixture.given(OPENED, TOTAL_736)
                    .when(new RecordCurrentYearFigure(ID, BudgetSubject.GOVERNMENT_PROCUREMENT, yuan("7361400.00"),
                            DOC, "政府采购预算", "c-7"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reversal {

        static final BudgetAmountTransferred T3 =
                new BudgetAmountTransferred(ID, "L1", "L2", 30_000, 70_000, 80_000, DOC, "调剂", "c-4");

        @Test
        void reversing_a_transfer_moves_the_amount_back_and_points_at_the_transfer() {
            fixture.given(OPENED, L1, L2, T3)
                    .when(new ReverseBudgetEvent(ID, 3, "晋财预〔2026〕20号", "调剂有误", "c-7"))
                    .expectEvents(new BudgetEventReversed(ID, 3, "BudgetAmountTransferred", List.of(
                            new LineAmountChange("L1", 30_000, 100_000), new LineAmountChange("L2", -30_000, 50_000)),
                            "晋财预〔2026〕20号", "调剂有误", "c-7"));
        }

        @Test
        void reversing_an_adjustment_applies_the_opposite_amount() {
            fixture.given(OPENED, L1, new BudgetLineAdjusted(ID, "L1", 25_050, 125_050, DOC, "追加", "c-3"))
                    .when(new ReverseBudgetEvent(ID, 2, DOC, "追加有误", "c-7"))
                    .expectEvents(new BudgetEventReversed(ID, 2, "BudgetLineAdjusted",
                            List.of(new LineAmountChange("L1", -25_050, 100_000)), DOC, "追加有误", "c-7"));
        }

        static final BudgetLinesAppropriated FILE = new BudgetLinesAppropriated(ID, List.of(
                new BudgetLineAppropriated(ID, "L1", "062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201",
                        GENERAL_PUBLIC, CURRENT_YEAR, null, 100_000, DOC, "年初预算", "f#L1"),
                new BudgetLineAppropriated(ID, "L2", "062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201",
                        GENERAL_PUBLIC, CURRENT_YEAR, null, 50_000, DOC, "年初预算", "f#L2")));
        static final LineItemsImported FILE_IMPORTED = new LineItemsImported(ID, "lines.xlsx", "cd".repeat(32), 2, 0, 0, "f");

        @Test
        void a_files_lines_appropriated_in_one_event_are_reversed_together() {
            fixture.given(OPENED, FILE_IMPORTED, FILE)
                    .when(new ReverseBudgetEvent(ID, 2, DOC, "文件有误", "c-7"))
                    .expectEvents(new BudgetEventReversed(ID, 2, "BudgetLinesAppropriated", List.of(
                            new LineAmountChange("L1", -100_000, 0), new LineAmountChange("L2", -50_000, 0)),
                            DOC, "文件有误", "c-7"));
        }

        @Test
        void each_line_of_a_file_appropriated_in_one_event_keeps_its_receipt() {
            fixture.given(OPENED, FILE_IMPORTED, FILE)
                    .when(line("062001", "2010306", BASIC_PUBLIC_USE, "30201", "50201", null, "500.00", "f#L2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandReceipt("f#L2", "AppropriateBudgetLine", 2,
                            List.of(new LineBalance("L2", 50_000))));
        }

        @Test
        void an_event_is_reversed_only_once() {
            refused(fixture.given(OPENED, L1, L2, T3, new BudgetEventReversed(ID, 3, "BudgetAmountTransferred", List.of(
                                    new LineAmountChange("L1", 30_000, 100_000), new LineAmountChange("L2", -30_000, 50_000)),
                            DOC, "调剂有误", "c-7"))
                            .when(new ReverseBudgetEvent(ID, 3, DOC, "again", "c-8")),
                    BudgetRuleException.Kind.CONFLICT, "sequence", "already-reversed");
        }

        @Test
        void a_reversal_that_would_overdraw_a_line_is_refused() {
            // L2 received 300.00 by the transfer and then gave 800.00 away: undoing the transfer would overdraw it.
            refused(fixture.given(OPENED, L1, L2, T3,
                                    new BudgetLineAdjusted(ID, "L2", -80_000, 0, DOC, "追减", "c-5"))
                            .when(new ReverseBudgetEvent(ID, 3, DOC, "调剂有误", "c-7")),
                    BudgetRuleException.Kind.CONFLICT, "sequence", "overdraft");
        }

        @Test
        void only_money_events_can_be_reversed() {
            refused(fixture.given(OPENED, L1).when(new ReverseBudgetEvent(ID, 0, DOC, "撤销", "c-7")),
                    BudgetRuleException.Kind.CONFLICT, "sequence", "not-reversible");
        }

        @Test
        void an_unknown_sequence_is_not_found() {
            refused(fixture.given(OPENED, L1).when(new ReverseBudgetEvent(ID, 9, DOC, "撤销", "c-7")),
                    BudgetRuleException.Kind.NOT_FOUND, "sequence", "unknown-event");
        }
    }

    @Test
    void state_after_events_answers_a_retry_with_the_amounts_it_had_then() {
        // After a later change, the retry of c-3 still answers with the amount after c-3, not today's.
        fixture.given(OPENED, L1, new BudgetLineAdjusted(ID, "L1", 25_050, 125_050, DOC, "追加", "c-3"),
                        new BudgetLineAdjusted(ID, "L1", -5_050, 120_000, DOC, "追减", "c-4"))
                .when(new AdjustBudgetLine(ID, "L1", yuan("250.50"), DOC, "追加", "c-3"))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandReceipt("c-3", "AdjustBudgetLine", 2,
                        List.of(new LineBalance("L1", 125_050))));
    }
}
