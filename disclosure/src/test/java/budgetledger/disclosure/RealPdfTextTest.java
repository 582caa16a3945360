package budgetledger.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real published PDFs of ../shared/real read into the text form: every table row with all its columns (a merged
 * 合计 over 科目编码 and 科目名称 keeps its empty column), blank cells empty, thousands separators as printed (the parser
 * reads them); tables continued over pages with their headers repeated; running heads and page numbers gone, so
 * that paragraphs and their figures are whole again.
 */
class RealPdfTextTest {

    @Test
    void wuxi_tables_read_with_every_column_and_the_narrative_whole() {
        List<String> lines = PdfText.extract(RealFixtures.bytes(RealFixtures.WUXI)).text().lines().toList();

        // 公开03表 支出总表: 合计 spans the two label columns.
        assertThat(lines).containsSubsequence(
                "科目编码\t科目名称\t合计\t基本支出\t项目支出\t事业单位经营支出\t上缴上级支出\t对附属单位补助支出",
                "合计\t\t2,867.94\t1,692.29\t1,175.65\t\t\t",
                "201\t一般公共服务支出\t2,259.79\t1,084.14\t1,175.65\t\t\t",
                "20103\t政府办公厅（室）及相关机构事务\t1,084.14\t1,084.14\t\t\t\t");
        // 公开01表 收支总表: income beside expenditure, the blank income cells of the lower rows kept.
        assertThat(lines).contains("一、一般公共预算拨款收入\t2,723.94\t一、一般公共服务支出\t2,259.79",
                "\t\t二十、住房保障支出\t361.22", "收入总计\t2,867.94\t支出总计\t2,867.94");
        // 公开09表: "三公" beside 会议费 and 培训费, one row of figures under a two-row header.
        assertThat(lines).containsSubsequence("一般公共预算“三公”经费、会议费、培训费支出表",
                "“三公”经费合计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\t会议费\t培训费",
                "1.50\t0.00\t0.00\t0.00\t0.00\t1.50\t0.44\t16.20");
        // A sentence broken over two lines and a page of running head and page number, whole again.
        assertThat(lines).contains("（1）一般公共预算拨款收入2,723.94万元，与上年相比增加26.21万元，增长0.97%。"
                + "主要原因是人员变化和用工人员增加带来经费的增长。");
        assertThat(lines).noneMatch(line -> line.matches("-\\s*\\d+\\s*-"));
        assertThat(lines).noneMatch(line -> line.equals("无锡市信访局 2025 年度部门预算公开"));
    }

    @Test
    void shanghai_tables_in_yuan_read_over_their_page_break_with_the_header_repeated() {
        List<String> lines = PdfText.extract(RealFixtures.bytes(RealFixtures.SHANGHAI)).text().lines().toList();

        assertThat(lines).contains("一、财政拨款收入\t96,282,213.44\t一、公共安全支出\t87,267,272.44",
                "204\t06\t01\t行政运行\t16726725.44\t16726725.44\t0.00\t0.00\t0.00",
                "合计\t\t\t\t96282213.44\t96282213.44\t0.00\t0.00\t0.00",
                "302\t15\t会议费\t5000.00\t0.00\t5000.00");
        // 一般公共预算支出功能分类预算表 continues on the next page under its repeated header.
        List<String> table5 = lines.subList(lines.indexOf("2026年部门一般公共预算支出功能分类预算表"), lines.size());
        int first = table5.indexOf("208\t05\t99\t其他行政事业单位养老支出\t6440.00\t6440.00\t0.00");
        int next = table5.indexOf("210\t\t\t卫生健康支出\t1149678.00\t1149678.00\t0.00");
        assertThat(table5.subList(first, table5.size())).startsWith(
                "208\t05\t99\t其他行政事业单位养老支出\t6440.00\t6440.00\t0.00",
                "项目\t\t\t\t一般公共预算支出\t\t",
                "功能分类科目编码\t\t\t\t\t\t",
                "类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出");
        assertThat(next).isGreaterThan(first);
        // Table 9 in 万元: "三公" and 机关运行经费 in one row.
        assertThat(lines).containsSubsequence("2026年部门“三公”经费和机关运行经费预算表",
                "合计\t因公出国(境)费\t公务接待费\t小计\t购置费\t运行费\t", "10.81\t0\t0.83\t9.98\t0\t9.98\t217.83");
        // The empty tables say so.
        assertThat(lines).contains("注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。");
    }

    @Test
    void a_document_of_a_template_the_ledger_does_not_read_is_refused_with_one_problem_that_says_so() {
        // the Wuxi document with its table titles renamed as a template the ledger does not know might name them
        String text = PdfText.extract(RealFixtures.bytes(RealFixtures.WUXI)).text().replace("收支总表", "收支预算汇总表")
                .replace("收入总表", "收入预算汇总表").replace("支出总表", "支出预算汇总表").replace("支出表", "支出预算明细表")
                .replace("基本支出表", "基本支出预算明细表").replace("支出预算表", "支出预算明细表");
        assertThatThrownBy(() -> new DisclosureParser().parse(text))
                .isInstanceOfSatisfying(DisclosureParseException.class, e -> assertThat(e.problems())
                        .extracting(ParseProblem::text).containsExactly("第 1 行：文档中没有任何已知模板的表（"
                                + "山西省部门预算公开（13 张表，万元）、上海市区级部门预算公开（9 张表，元；“三公”表万元）、"
                                + "江苏省市级部门预算公开（13 张表，万元）；按带年份的表题查找，如“2026年预算收支总表”）"));
    }
}
