package budgetledger.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Documents derived from the seed by breaking one thing: each problem names its line and table. */
class BrokenDisclosureTest {

    private static final String TABLE_2 = "表2 预算收入总表";
    private static final String TABLE_3 = "表3 预算支出总表";
    private static final String TABLE_6 = "表6 一般公共预算安排基本支出分经济科目表（不含上年结转）";

    private final DisclosureParser parser = new DisclosureParser();

    @Test
    void aDocumentCutOffInTable6ReportsTheCutAndTheMissingTables() {
        List<String> lines = Disclosures.lines(Disclosures.SEED).subList(0, 280);

        List<ParseProblem> problems = problems(lines);

        assertThat(problems).contains(new ParseProblem(280, TABLE_6, "文档在此表中途结束，文档不完整（被截断）"));
        for (int number = 7; number <= 13; number++) {
            TableLayout layout = TableLayout.of(number);
            assertThat(problems).contains(new ParseProblem(280, layout.displayName(),
                    "未找到此表（按表题“" + layout.title() + "”查找）"));
        }
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isEqualTo(280));
    }

    @Test
    void aTableWithATitleButNoRowsIsReported() {
        List<String> lines = Disclosures.lines(Disclosures.SEED).subList(0, 407);

        assertThat(problems(lines)).containsExactly(
                new ParseProblem(407, "表13 项目支出预算表（上年结转）", "文档在此表中途结束，文档不完整（被截断）"),
                new ParseProblem(407, "表13 项目支出预算表（上年结转）", "只有表头，没有数据行（文档可能被截断）"));
    }

    @Test
    void aMissingTableIsReportedWhereItWasExpected() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        lines.subList(139, 173).clear(); // lines 140–173: table 3, title to last row

        assertThat(problems(lines)).containsExactly(
                new ParseProblem(140, TABLE_3, "未找到此表（按表题“预算支出总表”查找）"));
    }

    @Test
    void aLetterInsideANumberIsReportedWithItsCell() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        replace(lines, 114, "201\t一般公共服务支出\t3487.06", "201\t一般公共服务支出\t34a7.06");

        List<ParseProblem> problems = problems(lines);

        assertThat(problems).containsExactly(new ParseProblem(114, TABLE_2, "“合计”列金额 “34a7.06” 不是数字"));
        assertThat(problems.get(0).text()).isEqualTo("第 114 行，表2 预算收入总表：“合计”列金额 “34a7.06” 不是数字");
    }

    @Test
    void aClassTotalBeyondRoundingIsTheOneCellNamedAndWithFindingsAcceptedTheFinding() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        replace(lines, 149, "3487.06", "3497.06");
        DisclosureDocument document = parser.parse(Disclosures.join(lines));
        BudgetHeader header = document.header("062");

        Reconstruction.ReconstructionException refused = catchThrowableOfType(
                Reconstruction.ReconstructionException.class,
                () -> Reconstruction.reconstruct(header, document.tables(), false));

        assertThat(refused.conflicts()).extracting(f -> f.cell().table() + " " + f.cell().rowLabel() + " "
                + f.cell().columnName() + " " + f.cell().sourceLine() + " " + f.ledgerInUnit())
                .containsExactly("3 201 一般公共服务支出 合计 149 3487.06");
        assertThat(refused.problems()).extracting(ParseProblem::text).containsExactly(
                "第 149 行，表3 预算支出总表：表3 预算支出总表 “201 一般公共服务支出”行 “合计”列：公布 3497.06，"
                        + "与其余单元格不能同时成立（其余单元格得出 3487.06）");

        Reconstruction.Result accepted = Reconstruction.reconstruct(header, document.tables(), true);
        assertThat(accepted.findings()).extracting(f -> f.cell().sourceLine() + " " + f.ledgerFen())
                .containsExactly("149 " + accepted.findings().get(0).ledgerFen());
        assertThat(accepted.findings().get(0).ledgerFen()).isBetween(3_487_055_000L, 3_487_064_999L);
    }

    @Test
    void aDifferenceThatRoundingExplainsIsAccepted() {
        // The seed itself: 20103 is 3487.06 while its three 项 add up to 3487.07. One more cent on 201 is still 尾差.
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        replace(lines, 149, "3487.06", "3487.07");

        DisclosureDocument document = parser.parse(Disclosures.join(lines));

        assertThat(Disclosures.cells(document.table(3).rows().get(1))).isEqualTo("1|201|一般公共服务支出|3487.07|1920.38|1566.68");
    }

    @Test
    void aRowWithTooManyCellsIsReported() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        lines.set(150, lines.get(150) + "\t9.99");

        assertThat(problems(lines)).containsExactly(new ParseProblem(151, TABLE_3, "该行有 6 个单元格，多于本表的 5 列"));
    }

    @Test
    void aTableWithoutItsTotalRowIsReported() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        lines.set(362, ""); // line 363: 部门合计 of table 11

        assertThat(problems(lines)).containsExactly(
                new ParseProblem(365, "表11 财政拨款安排机关运行经费预算表", "缺少合计行（文档可能被截断）"));
    }

    @Test
    void aMissingDepartmentNameIsReported() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        lines.replaceAll(line -> line.startsWith("部门名称") ? "" : line);

        assertThat(problems(lines)).contains(new ParseProblem(1, "", "未找到部门名称（表格上方应有“部门名称：…”）"));
    }

    @Test
    void aMissingYearIsReported() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        lines.replaceAll(line -> line.replace("2026年", "本年"));

        assertThat(problems(lines)).contains(new ParseProblem(1, "", "未找到预算年度（如“2026年度部门预算公开”或表题前的年份）"));
    }

    @Test
    void aNarrativeThatDisagreesWithATableIsAWarningNotAFailure() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        replace(lines, 458, "“三公”经费预算3.95万元", "“三公”经费预算3.96万元");

        DisclosureDocument document = parser.parse(Disclosures.join(lines));

        assertThat(document.warnings()).containsExactly(new ParseProblem(458, "表10 财政拨款安排“三公”经费支出预算表",
                "情况说明写“三公”经费 3.96 万元，与表中第 353 行的 3.95 万元不一致"));
    }

    @Test
    void aTableInYuanInsteadOfWanYuanIsReported() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        replace(lines, 144, "单位：万元", "单位：元");

        assertThat(problems(lines)).containsExactly(new ParseProblem(144, TABLE_3, "金额单位是 “元”，应为万元"));
    }

    @Test
    void pageFurnitureSplitIntoCellsIsNoRow() {
        List<String> lines = Disclosures.lines(Disclosures.SEED);
        replace(lines, 107, "部门名称：晋城市行政审批服务管理局", "部门名称：晋城市行政审批服务管理局\t\t\t单位：万元");
        replace(lines, 310, "注：本表无数据", "\t注：本表无数据\t");

        DisclosureDocument document = parser.parse(Disclosures.join(lines));

        assertThat(document.table(2).rows()).hasSize(25);
        assertThat(document.table(7).holdsNoAmount()).isTrue();
    }

    private List<ParseProblem> problems(List<String> lines) {
        DisclosureParseException e = catchThrowableOfType(DisclosureParseException.class,
                () -> parser.parse(Disclosures.join(lines)));
        assertThat(e).as("the document should be rejected").isNotNull();
        return e.problems();
    }

    private static void replace(List<String> lines, int line, String from, String to) {
        assertThat(lines.get(line - 1)).contains(from);
        lines.set(line - 1, lines.get(line - 1).replace(from, to));
    }
}
