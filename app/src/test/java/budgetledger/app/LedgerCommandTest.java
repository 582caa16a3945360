package budgetledger.app;

import budgetledger.app.cli.LedgerCli;
import budgetledger.disclosure.generated.DisclosurePdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar budget-ledger.jar import FILE} and {@code export BUDGET_ID …} on the configured database. */
class LedgerCommandTest {

    final TestDatabase db = TestDatabase.create();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path dir;

    int ledger(String... words) {
        String[] args = new String[words.length + 2];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--budget-ledger.db.url=" + db.url;
        args[words.length + 1] = "--budget-ledger.db.user=" + db.user;
        out.reset();
        return cli().run(args);
    }

    LedgerCli cli() {
        return new LedgerCli(BudgetLedgerApplication.class, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void imports_a_disclosure_and_a_line_file_and_exports_tables_and_the_document() throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.txt"), SampleText.seed());
        assertThat(ledger("import", seed.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed()).contains("已导入预算 062-2026");
        // Not a terminal: progress as plain lines on stderr.
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("] 解析文档、重建预算行、核对表格：seed.txt");
        assertThat(db.count("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8')::jsonb "
                + "->> 'actor' like 'cli:%'")).isPositive();

        Path lines = Files.writeString(dir.resolve("lines.csv"), "序号,单位编码,功能分类编码,支出类型,部门经济分类编码,"
                + "政府经济分类编码,资金来源,当年或上年结转,项目名称,金额（元）,文号,说明\r\n"
                + "1,062001,2010306,基本支出-公用经费,30201,50201,一般公共预算,当年,,100000,文号,年初预算\r\n");
        assertThat(ledger("import", lines.toString(), "--budget", "062-2026")).as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(printed()).contains("1 个预算行");

        Path text = dir.resolve("out.txt");
        assertThat(ledger("export", "062-2026", "--format", "text", "--out", text.toString())).isZero();
        assertThat(Files.readString(text)).contains("2026年预算支出总表", "部门名称：晋城市行政审批服务管理局");

        assertThat(ledger("export", "062-2026", "--table", "3", "--format", "csv")).isZero();
        assertThat(printed()).contains("合计,,4304.01,2733.73,1570.28");
    }

    @Test
    void a_wrong_command_line_exits_2_with_the_usage_and_a_refusal_1() throws IOException {
        assertThat(cli().run("export")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("用法");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "序号,单位编码\r\n1,062001\r\n");
        assertThat(ledger("import", bad.toString(), "--budget", "062-2026")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("工作表“预算行”", "缺少列");
    }

    @Test
    void imports_a_published_pdf_and_refuses_a_broken_one_naming_its_page() throws IOException {
        DisclosurePdf.assumeFont();
        String letter = SampleText.seed().replaceFirst("\t3487\\.06\t", "\t34a7.06\t");
        Path broken = Files.write(dir.resolve("broken.pdf"), DisclosurePdf.write(letter, "晋城市行政审批服务管理局"));
        assertThat(ledger("import", broken.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("第 \\d+ 页第 \\d+ 行，表1 预算收支总表：.*34a7.06");

        Path pdf = Files.write(dir.resolve("seed.pdf"), DisclosurePdf.write(SampleText.seed(), "晋城市行政审批服务管理局"));
        assertThat(ledger("import", pdf.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed()).contains("已导入预算 062-2026", "单元格一致 925");
    }
}
