package budgetledger.disclosure;

import budgetledger.disclosure.Reconstruction.Result;
import budgetledger.disclosure.Reconstruction.SolvedLine;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.table.DisclosureTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Shanghai district template (9 tables, tables 1–8 in 元, the "三公" table in 万元), on the real published PDF of
 * 上海市普陀区司法局 2026 (../shared/real): read from the PDF, every cell reproduced by the solved ledger.
 */
class ShanghaiDistrictTemplateTest {

    @Test
    void the_putuo_pdf_imports_with_every_cell_reproduced_and_its_published_figures() {
        String text = PdfText.extract(RealFixtures.bytes(RealFixtures.SHANGHAI)).text();
        DisclosureDocument document = new DisclosureParser().parse(text);
        assertThat(document.template().id()).isEqualTo("shanghai-district-9");
        assertThat(document.departmentName()).isEqualTo("上海市普陀区司法局");
        assertThat(document.fiscalYear()).isEqualTo(2026);
        assertThat(document.tables()).hasSize(9);

        BudgetHeader header = document.header("SH-PT-SFJ");
        Result result = Reconstruction.reconstruct(header, document.tables(), false);
        List<BudgetLine> lines = result.lines().stream().map(SolvedLine::line).toList();

        Map<Integer, DisclosureTable> rendered = new TreeMap<>();
        DisclosureTables.renderAll(header, lines).forEach(t -> rendered.put(t.number(), t));
        Reconciliation.Report report = Reconciliation.compare(document.template(), document.tables(), rendered);
        assertThat(report.differences()).isEmpty();

        // 96,282,213.44 元 = 基本 25,741,666.44 (人员 23,563,342.00, 公用 2,178,324.44) + 项目 70,540,547.00
        assertThat(sum(lines, null)).isEqualTo(9_628_221_344L);
        assertThat(sum(lines, ExpenditureKind.BASIC_PERSONNEL)).isEqualTo(2_356_334_200L);
        assertThat(sum(lines, ExpenditureKind.BASIC_PUBLIC_USE)).isEqualTo(217_832_444L);
        assertThat(sum(lines, ExpenditureKind.PROJECT)).isEqualTo(7_054_054_700L);
        // "三公" 10.81 万元 and 机关运行经费 217.83 万元, in table 9 as rendered from the ledger
        assertThat(rendered.get(9).rows().get(0).amounts()).extracting(a -> a == null ? "" : a.toPlainString())
                .containsExactly("10.81", "", "0.83", "9.98", "", "9.98", "217.83");
    }

    private static long sum(List<BudgetLine> lines, ExpenditureKind kind) {
        return lines.stream().filter(l -> kind == null || l.kind() == kind).mapToLong(BudgetLine::amountFen).sum();
    }
}
