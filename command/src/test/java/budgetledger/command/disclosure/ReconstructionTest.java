package budgetledger.command.disclosure;

import budgetledger.command.api.ImportDisclosure;
import budgetledger.command.api.ImportDisclosure.ImportedLine;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.UnitType;
import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.tables.DisclosureTables;
import budgetledger.query.tables.Reconciliation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The opening lines rebuilt from a document's tables render those tables again, cell for cell. */
class ReconstructionTest {

    static ImportDisclosure imported(String resource, String departmentCode) {
        DisclosureDocument document = new DisclosureParser().parse(Disclosures.text(resource));
        return DisclosureImport.command(document, departmentCode, "sha", "import-1");
    }

    static Reconciliation.Report reconcile(String resource, ImportDisclosure command) {
        DisclosureDocument document = new DisclosureParser().parse(Disclosures.text(resource));
        BudgetRow budget = new BudgetRow(command.budgetId(), command.departmentCode(), command.departmentName(),
                command.fiscalYear(), command.units(), Map.of(), Map.of());
        List<BudgetLineRow> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            ImportedLine l = command.lines().get(i);
            lines.add(new BudgetLineRow(command.budgetId(), "L" + (i + 1), l.unitCode(), l.functionalCode(), l.kind(),
                    l.deptEconomicCode(), l.govEconomicCode(), l.fundingSource(), l.origin(), l.project(),
                    l.amountFen(), l.amountFen(), 0));
        }
        Map<Integer, DisclosureTable> rendered = new TreeMap<>();
        DisclosureTables.renderAll(budget, lines).forEach(t -> rendered.put(t.number(), t));
        return Reconciliation.compare(document.tables(), rendered);
    }

    static long sum(ImportDisclosure command, java.util.function.Predicate<ImportedLine> which) {
        return command.lines().stream().filter(which).mapToLong(ImportedLine::amountFen).sum();
    }

    @Test
    void the_seed_reconstructs_to_lines_whose_tables_match_every_published_cell() {
        ImportDisclosure command = imported(Disclosures.SEED, null);
        Reconciliation.Report report = reconcile(Disclosures.SEED, command);
        assertThat(report.differences()).filteredOn(c -> c.verdict() == Reconciliation.Verdict.MISMATCH).isEmpty();
        assertThat(report.exact()).isGreaterThan(300);

        assertThat(command.budgetId()).isEqualTo("062-2026");
        assertThat(command.units()).extracting(u -> u.name() + " " + u.type()).containsExactly(
                "晋城市行政审批服务管理局 ADMINISTRATIVE", "晋城市政务服务中心 CIVIL_SERVICE_MANAGED",
                "晋城市公共资源交易中心 PUBLIC_INSTITUTION", "晋城市行政审批项目审勘中心 PUBLIC_INSTITUTION",
                "晋城市审批服务网络技术中心 PUBLIC_INSTITUTION");
        // 4294.01 万元 = 2723.73 basic + 1570.28 project; 人员经费 2459.06, 公用经费 264.67 (each within its cent)
        assertThat(sum(command, l -> true)).isBetween(4_294_005_000L, 4_294_014_999L);
        assertThat(sum(command, l -> l.kind() == ExpenditureKind.PROJECT)).isBetween(1_570_275_000L, 1_570_284_999L);
        assertThat(sum(command, l -> l.kind() == ExpenditureKind.BASIC_PUBLIC_USE)).isBetween(264_665_000L, 264_674_999L);
        assertThat(command.lines()).allMatch(l -> l.fundingSource() == FundingSource.GENERAL_PUBLIC
                && l.origin() == Origin.CURRENT_YEAR && l.amountFen() > 0);
        // 18 projects, each on one unit; 选调生生活补贴 is the one 项 of 2059999 其他教育支出
        assertThat(command.lines().stream().filter(l -> l.project() != null).map(ImportedLine::project).distinct())
                .hasSize(18);
        assertThat(command.lines()).filteredOn(l -> l.functionalCode().equals("2059999"))
                .extracting(ImportedLine::project).containsExactly("选调生生活补贴");
        assertThat(command.lines()).allMatch(l -> l.provenance().startsWith("重建："));
    }

    @Test
    void the_narrative_gives_prior_year_figures_and_reasons() {
        ImportDisclosure command = imported(Disclosures.SEED, null);
        assertThat(command.priorYearFigures()).extracting(f -> f.subject() + "=" + f.amountFen()).contains(
                "TOTAL=4557360000", "EXPENDITURE=4557360000", "GENERAL_PUBLIC_EXPENDITURE=4557360000", "THREE_PUBLIC_TOTAL=4950000",
                "RECEPTION=3000000",
                "AGENCY_OPERATING_COST=193590000");
        assertThat(command.changeReasons()).extracting(r -> r.subject() + ":" + r.reason())
                .anyMatch(text -> text.startsWith("RECEPTION:局机关公务接待费减少1万元"))
                .contains("TOTAL:局机关预算总收入减少", "EXPENDITURE:局机关预算总支出减少");
    }

    @Test
    void the_narrative_gives_this_years_procurement_figures() {
        assertThat(imported(Disclosures.SEED, null).currentYearFigures())
                .extracting(f -> f.subject() + "=" + f.amountFen()).containsExactly(
                        "GOVERNMENT_PROCUREMENT=736140000", "PROCUREMENT_GOODS=94950000", "PROCUREMENT_WORKS=0",
                        "PROCUREMENT_SERVICES=641190000");
        assertThat(imported(Disclosures.OTHER_DEPARTMENT, "099").currentYearFigures())
                .extracting(f -> f.subject() + "=" + f.amountFen()).containsExactly(
                        "GOVERNMENT_PROCUREMENT=535000000", "PROCUREMENT_GOODS=25000000",
                        "PROCUREMENT_WORKS=400000000", "PROCUREMENT_SERVICES=110000000");
    }

    @Test
    void a_department_with_every_source_carry_over_and_table_filled_reconstructs_too() {
        ImportDisclosure command = imported(Disclosures.OTHER_DEPARTMENT, "099");
        Reconciliation.Report report = reconcile(Disclosures.OTHER_DEPARTMENT, command);
        assertThat(report.differences()).filteredOn(c -> c.verdict() == Reconciliation.Verdict.MISMATCH).isEmpty();
        assertThat(command.lines()).extracting(ImportedLine::fundingSource).contains(FundingSource.values());
        assertThat(command.lines()).extracting(ImportedLine::origin).contains(Origin.CARRIED_OVER);
        assertThat(command.units()).extracting(u -> u.type()).contains(UnitType.PUBLIC_INSTITUTION);
        // 公务用车购置费 sits on a project line with its economic item
        assertThat(command.lines()).anyMatch(l -> l.kind() == ExpenditureKind.PROJECT && "31013".equals(l.deptEconomicCode()));
    }

    @Test
    void economic_items_land_on_the_functional_item_where_such_money_usually_sits() {
        ImportDisclosure command = imported(Disclosures.SEED, null);
        // All but a rounding residue (under 0.01 万元) of each item sits on its usual 项.
        for (String[] usual : new String[][]{{"30108", "2080505"}, {"30109", "2080506"}, {"30113", "2210201"},
                {"30111", "2101103"}, {"30309", "2100799"}}) {
            long all = sum(command, l -> usual[0].equals(l.deptEconomicCode()));
            long there = sum(command, l -> usual[0].equals(l.deptEconomicCode()) && l.functionalCode().equals(usual[1]));
            assertThat(all - there).as(usual[0] + " beside " + usual[1]).isLessThan(10_000L);
            assertThat(there).as(usual[0]).isPositive();
        }
    }
}
