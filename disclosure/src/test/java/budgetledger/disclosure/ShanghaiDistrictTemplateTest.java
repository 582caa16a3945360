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

    @Test
    void the_putuo_narrative_defects_are_findings_each_named_by_its_line() {
        DisclosureDocument document = new DisclosureParser().parse(text());
        List<String> findings = document.warnings().stream().map(ParseProblem::text).toList();

        // "比2026年预算" in a 2026 document, three times in two paragraphs
        assertThat(findings).filteredOn(f -> f.contains("与本年（2026年）预算比较，应为上年（2025年）")).hasSize(3);
        // every item compared with 2025's executed figures instead of 2025's budget
        assertThat(findings).filteredOn(f -> f.contains("与2025年预算执行数比较，而不是与上年预算比较")).hasSizeGreaterThan(10);
        // percentages their own sentences contradict: 43269.3 → 3845.49 is no increase of 17.62%; 77.99 → 91.97 is
        // 17.93%, not 17.66%; 198.34 → 201.50 is 1.59%, not 5.27%
        assertThat(findings).filteredOn(f -> f.contains("百分比与本句金额不符")).extracting(f -> f.substring(0,
                f.indexOf("：“"))).containsExactly(
                "第 71 行，说明：百分比与本句金额不符：由43269.3万元到3845.49万元应为减少91.11%，文中为增加17.62%",
                "第 75 行，说明：百分比与本句金额不符：由77.99万元到91.97万元应为增加17.93%，文中为增加17.66%",
                "第 78 行，说明：百分比与本句金额不符：由198.34万元到201.50万元应为增加1.59%，文中为增加5.27%");
        // 住房公积金 stated as 208.8 万元, then planned at 201.50 万元
        assertThat(findings).filteredOn(f -> f.contains("同一科目先写208.8万元，又写预算安排201.50万元")).hasSize(1);
    }

    @Test
    void a_narrative_that_compares_with_last_years_budget_consistently_has_no_findings() {
        String text = text();
        int start = text.indexOf("2026年部门预算编制说明");
        int end = text.indexOf("2026年部门财务收支预算总表", start);
        String consistent = text.substring(0, start) + "2026年部门预算编制说明\n"
                + "2026年，上海市普陀区司法局收入预算9628.22万元，比上年增加793.14万元，增长8.98%。\n"
                + "住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。2026年预算安排208.8万元。\n"
                + text.substring(end);
        assertThat(new DisclosureParser().parse(consistent).warnings()).isEmpty();

        String wrongPercent = consistent.replace("增长8.98%", "增长9.98%");
        assertThat(new DisclosureParser().parse(wrongPercent).warnings()).extracting(ParseProblem::text)
                .singleElement().asString().contains("百分比与本句金额不符：由8835.08万元到9628.22万元应为增加8.98%，文中为增加9.98%");
    }

    @Test
    void an_empty_table_note_on_a_table_with_figures_is_a_finding_and_the_figures_import() {
        String text = text();
        String table3 = "\n2026年部门支出预算总表\n";
        int at = text.indexOf("\n", text.indexOf("合计\t", text.indexOf(table3)));
        String noted = text.substring(0, at) + "\n注:本部门2026年无支出预算，故本表为空表。" + text.substring(at);
        DisclosureDocument document = new DisclosureParser().parse(noted);
        assertThat(document.warnings()).extracting(ParseProblem::text)
                .contains("第 " + lineOf(noted, "故本表为空表。", text.indexOf(table3)) + " 行，表3 部门支出预算总表：注明本表为空表，但表中有金额");
        BudgetHeader header = document.header("SH-PT-SFJ");
        assertThat(Reconstruction.reconstruct(header, document.tables(), false).lines()).isNotEmpty();
    }

    @Test
    void a_cell_changed_in_the_putuo_text_is_refused_naming_that_cell() {
        String text = text();
        String changed = RealFixtures.changed(text, "204\t06\t04\t基层司法业务\t21703947.00\t0.00\t21703947.00",
                "\t21703947.00\t0.00", "\t21703948.00\t0.00");
        assertThat(RealFixtures.conflicts(new DisclosureParser().parse(changed), "SH-PT-SFJ"))
                .containsExactly("表3 部门支出预算总表 “204 06 04 基层司法业务”行 “合计”列 21703948.00 → 21703947.00");
    }

    private static String text() {
        return PdfText.extract(RealFixtures.bytes(RealFixtures.SHANGHAI)).text();
    }

    private static int lineOf(String text, String needle, int from) {
        int at = text.indexOf(needle, from);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
