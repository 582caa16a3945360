package budgetledger.disclosure;

import budgetledger.disclosure.Reconstruction.Result;
import budgetledger.disclosure.Reconstruction.SolvedLine;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.ProcurementFunds;
import budgetledger.model.ProcurementItem;
import budgetledger.model.table.DisclosureTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jiangsu city template (13 tables in 万元, titles without the year, income by unit, "三公" beside 会议费 and
 * 培训费, 机关运行经费 by economic item), on the real published PDF of 无锡市信访局 2025 (../shared/real): read from the
 * PDF, every cell of its thirteen tables reproduced: twelve from the reconstructed lines, 表13 政府采购支出表 from its
 * procurement items.
 */
class JiangsuCityTemplateTest {

    @Test
    void the_wuxi_pdf_imports_with_every_cell_reproduced_and_its_published_figures() {
        String text = PdfText.extract(RealFixtures.bytes(RealFixtures.WUXI)).text();
        DisclosureDocument document = new DisclosureParser().parse(text);
        assertThat(document.template().id()).isEqualTo("jiangsu-city-13");
        assertThat(document.departmentName()).isEqualTo("无锡市信访局");
        assertThat(document.fiscalYear()).isEqualTo(2025);
        assertThat(document.tables()).hasSize(13);

        BudgetHeader header = document.header("113");
        // 表13: 服务 225.52 万元, two items of 无锡市信访局（本级）, 保安服务 by 分散采购, from 一般公共预算资金
        assertThat(header.procurement()).extracting(i -> i.unit() + "|" + i.category().label() + "|" + i.project()
                        + "|" + i.economicItem() + "|" + i.catalogueItem() + "|" + i.method() + "|"
                        + i.amountFen(ProcurementFunds.GENERAL_PUBLIC) + "|" + i.totalFen())
                .containsExactly("无锡市信访局（本级）|服务|运行费增额及矛调业务经费（常年）|物业管理费|保安服务|分散采购|154420000|154420000",
                        "无锡市信访局（本级）|服务|物业及运行经费（常年）|物业管理费|保安服务|分散采购|71100000|71100000");
        assertThat(header.units()).extracting(u -> u.code() + " " + u.name())
                .containsExactly("113001 无锡市信访局（本级）", "113002 无锡市人民来访接待中心");
        Result result = Reconstruction.reconstruct(header, document.tables(), false);
        List<BudgetLine> lines = result.lines().stream().map(SolvedLine::line).toList();
        assertThat(result.procurement()).isEqualTo(header.procurement());

        Map<Integer, DisclosureTable> rendered = new TreeMap<>();
        DisclosureTables.renderAll(header, lines).forEach(t -> rendered.put(t.number(), t));
        Reconciliation.Report report = Reconciliation.compare(document.template(), document.tables(), rendered);
        assertThat(report.differences()).isEmpty();
        assertThat(rendered.get(13).rows()).extracting(r -> r.level() + " " + r.labels().get(0) + " "
                        + r.amounts().get(0) + " " + r.amounts().get(4))
                .containsExactly("0 合计 225.52 225.52", "1 服务 225.52 225.52", "2 无锡市信访局（本级） 225.52 225.52",
                        "3  154.42 154.42", "3  71.10 71.10");

        // 2,867.94 万元 = 财政拨款 2,723.94 + 其他收入 144.00; 基本 1,692.29 (人员 1,593.76, 公用 98.53), 项目 1,175.65
        assertThat(sum(lines, null, null)).isBetween(2_867_935_000L, 2_867_944_999L);
        assertThat(sum(lines, null, FundingSource.OTHER_INCOME)).isBetween(143_995_000L, 144_004_999L);
        assertThat(sum(lines, ExpenditureKind.BASIC_PERSONNEL, null)).isBetween(1_593_755_000L, 1_593_764_999L);
        assertThat(sum(lines, ExpenditureKind.BASIC_PUBLIC_USE, null)).isBetween(98_525_000L, 98_534_999L);
        assertThat(sum(lines, ExpenditureKind.PROJECT, null)).isBetween(1_175_645_000L, 1_175_654_999L);
        // "三公" 1.50 (接待 1.50), 会议费 0.44, 培训费 16.20 on the rendered table 9; 机关运行经费 98.53
        assertThat(rendered.get(9).rows().get(0).amounts()).extracting(a -> a == null ? "" : a.toPlainString())
                .containsExactly("1.50", "", "", "", "", "1.50", "0.44", "16.20");
        assertThat(rendered.get(12).rows()).filteredOn(r -> r.level() == 0).singleElement()
                .extracting(r -> r.amounts().get(0).toPlainString()).isEqualTo("98.53");
    }

    private static long sum(List<BudgetLine> lines, ExpenditureKind kind, FundingSource source) {
        return lines.stream().filter(l -> kind == null || l.kind() == kind)
                .filter(l -> source == null || l.fundingSource() == source).mapToLong(BudgetLine::amountFen).sum();
    }

    @Test
    void a_cell_changed_in_the_wuxi_text_is_refused_naming_that_cell() {
        String text = PdfText.extract(RealFixtures.bytes(RealFixtures.WUXI)).text();
        String changed = RealFixtures.changed(text, "2210202\t提租补贴\t117.13\t117.13\t\t\t\t",
                "\t117.13\t117.13", "\t118.13\t117.13");
        assertThat(RealFixtures.conflicts(new DisclosureParser().parse(changed), "113"))
                .containsExactly("表3 支出总表 “2210202 提租补贴”行 “合计”列 118.13 → 117.13");
    }

    @Test
    void a_procurement_cell_changed_in_the_wuxi_text_is_refused_naming_that_cell_or_kept_as_a_finding() {
        String text = PdfText.extract(RealFixtures.bytes(RealFixtures.WUXI)).text();
        String changed = RealFixtures.changed(text, "\t物业及运行经费（常年）\t物业管理费\t保安服务\t分散采购\t71.10\t",
                "\t71.10\t", "\t72.10\t");
        DisclosureDocument document = new DisclosureParser().parse(changed);
        assertThat(RealFixtures.conflicts(document, "113"))
                .containsExactly("表13 政府采购支出表 “物业及运行经费（常年） 物业管理费 保安服务 分散采购”行 “一般公共预算资金”列 72.10"
                        + " → 71.10");

        Result accepted = Reconstruction.reconstruct(document.header("113"), document.tables(), true);
        assertThat(accepted.findings()).hasSize(1);
        assertThat(accepted.procurement()).extracting(ProcurementItem::totalFen).containsExactly(154_420_000L,
                71_100_000L);
    }

    @Test
    void a_narrative_procurement_figure_the_procurement_table_does_not_give_is_a_finding_on_its_line() {
        String text = PdfText.extract(RealFixtures.bytes(RealFixtures.WUXI)).text();
        DisclosureDocument published = new DisclosureParser().parse(text);
        assertThat(published.warnings()).extracting(ParseProblem::message).noneMatch(m -> m.contains("政府采购"));

        String stated = "拟采购服务支出225.52万元";
        assertThat(text).contains(stated);
        DisclosureDocument changed = new DisclosureParser().parse(text.replace(stated, "拟采购服务支出252.52万元"));
        assertThat(changed.warnings()).filteredOn(w -> w.message().contains("政府采购"))
                .singleElement().satisfies(w -> {
                    assertThat(w.message()).isEqualTo("情况说明写政府采购服务 252.52 万元，政府采购表的项目合计为 225.52 万元");
                    assertThat(w.table()).isEqualTo("表13 政府采购支出表");
                    assertThat(text.lines().skip(w.line() - 1).findFirst().orElseThrow()).contains("拟采购");
                    assertThat(DisclosureDocument.severity(w)).isEqualTo("警告");
                });
    }

    @Test
    void the_same_department_two_years_earlier_imports_too_for_a_series() {
        // 无锡市信访局's document with its years moved back by two: an earlier year of a department's series
        String text = PdfText.extract(RealFixtures.bytes(RealFixtures.WUXI)).text()
                .replace("2024", "2022").replace("2025", "2023");
        DisclosureDocument document = new DisclosureParser().parse(text);
        assertThat(document.fiscalYear()).isEqualTo(2023);
        Result result = Reconstruction.reconstruct(document.header("113"), document.tables(), false);
        assertThat(result.lines()).isNotEmpty();
        assertThat(sum(result.lines().stream().map(SolvedLine::line).toList(), null, null))
                .isBetween(2_867_935_000L, 2_867_944_999L);
    }
}
