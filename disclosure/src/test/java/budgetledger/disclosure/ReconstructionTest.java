package budgetledger.disclosure;

import budgetledger.disclosure.Reconstruction.Result;
import budgetledger.disclosure.Reconstruction.SolvedLine;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.UnitType;
import budgetledger.model.table.DisclosureTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The opening lines solved from a document's tables render those tables again, cell for cell. */
class ReconstructionTest {

    record Solved(DisclosureDocument document, BudgetHeader header, Result result) {

        List<BudgetLine> lines() {
            return result.lines().stream().map(SolvedLine::line).toList();
        }

        long sum(Predicate<BudgetLine> which) {
            return lines().stream().filter(which).mapToLong(BudgetLine::amountFen).sum();
        }

        Reconciliation.Report reconciliation() {
            Map<Integer, DisclosureTable> rendered = new TreeMap<>();
            DisclosureTables.renderAll(header, lines()).forEach(t -> rendered.put(t.number(), t));
            return Reconciliation.compare(document.tables(), rendered);
        }
    }

    static Solved solve(String resource, String departmentCode) {
        DisclosureDocument document = new DisclosureParser().parse(Disclosures.text(resource));
        String code = departmentCode != null ? departmentCode : document.departmentCode();
        BudgetHeader header = document.header(code);
        return new Solved(document, header, Reconstruction.reconstruct(header, document.tables(), false));
    }

    @Test
    void the_seed_reconstructs_to_lines_whose_tables_match_every_published_cell_exactly() {
        Solved seed = solve(Disclosures.SEED, null);
        Reconciliation.Report report = seed.reconciliation();
        assertThat(report.differences()).isEmpty();
        assertThat(report.exact()).isEqualTo(925);

        assertThat(seed.header().units()).extracting(u -> u.name() + " " + u.type()).containsExactly(
                "晋城市行政审批服务管理局 ADMINISTRATIVE", "晋城市政务服务中心 CIVIL_SERVICE_MANAGED",
                "晋城市公共资源交易中心 PUBLIC_INSTITUTION", "晋城市行政审批项目审勘中心 PUBLIC_INSTITUTION",
                "晋城市审批服务网络技术中心 PUBLIC_INSTITUTION");
        // 4294.01 万元 = 2723.73 basic + 1570.28 project; 公用经费 264.67 (each within its rounding)
        assertThat(seed.sum(l -> true)).isBetween(4_294_005_000L, 4_294_014_999L);
        assertThat(seed.sum(l -> l.kind() == ExpenditureKind.PROJECT)).isBetween(1_570_275_000L, 1_570_284_999L);
        assertThat(seed.sum(l -> l.kind() == ExpenditureKind.BASIC_PUBLIC_USE)).isBetween(264_665_000L, 264_674_999L);
        assertThat(seed.lines()).allMatch(l -> l.fundingSource() == FundingSource.GENERAL_PUBLIC
                && l.origin() == Origin.CURRENT_YEAR);
        // no residue: the seed's tables force no line below 0.01 万元
        assertThat(seed.lines()).allMatch(l -> l.amountFen() >= 10_000, "at least 0.01 万元");
        assertThat(seed.lines().stream().filter(l -> l.project() != null).map(BudgetLine::project).distinct())
                .hasSize(18);
        assertThat(seed.lines()).filteredOn(l -> l.functionalCode().equals("2059999"))
                .extracting(BudgetLine::project).containsExactly("选调生生活补贴");
    }

    @Test
    void the_same_document_gives_the_same_lines() {
        assertThat(solve(Disclosures.SEED, null).lines()).isEqualTo(solve(Disclosures.SEED, null).lines());
    }

    @Test
    void a_department_with_every_source_carry_over_and_table_filled_reconstructs_too() {
        Solved other = solve(Disclosures.OTHER_DEPARTMENT, "099");
        assertThat(other.reconciliation().differences()).isEmpty();
        assertThat(other.lines()).extracting(BudgetLine::fundingSource).containsAll(Template.seed().sources());
        assertThat(other.lines()).extracting(BudgetLine::origin).contains(Origin.CARRIED_OVER);
        assertThat(other.header().units()).extracting(u -> u.type()).contains(UnitType.PUBLIC_INSTITUTION);
        // 公务用车购置费 sits on a project line with its economic item
        assertThat(other.lines()).anyMatch(l -> l.kind() == ExpenditureKind.PROJECT
                && "31013".equals(l.deptEconomicCode()));
    }

    @Test
    void economic_items_land_on_the_functional_item_where_such_money_usually_sits() {
        Solved seed = solve(Disclosures.SEED, null);
        for (String[] usual : new String[][]{{"30108", "2080505"}, {"30109", "2080506"}, {"30113", "2210201"},
                {"30111", "2101103"}, {"30309", "2100799"}}) {
            long all = seed.sum(l -> usual[0].equals(l.deptEconomicCode()));
            long there = seed.sum(l -> usual[0].equals(l.deptEconomicCode()) && l.functionalCode().equals(usual[1]));
            assertThat(all - there).as(usual[0] + " beside " + usual[1]).isZero();
            assertThat(there).as(usual[0]).isPositive();
        }
    }
}
