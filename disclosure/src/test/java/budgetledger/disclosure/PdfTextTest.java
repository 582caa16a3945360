package budgetledger.disclosure;

import budgetledger.disclosure.generated.DisclosurePdf;
import budgetledger.disclosure.generated.LedgerGenerator;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.model.BudgetSubject;
import budgetledger.model.table.DisclosureTable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A document printed as a PDF (ruled tables continued over pages under 续表 with repeated headers, cells wrapped over
 * lines, running heads, page numbers, wrapped paragraphs: {@link DisclosurePdf}) reads back through {@link PdfText}
 * into the same document as its text: every table cell, the units, the narrative's figures.
 */
class PdfTextTest {

    private static final int COUNT = Integer.getInteger("generated.pdf.count", 200);

    @BeforeAll
    static void cjkFont() {
        DisclosurePdf.assumeFont();
    }

    @Test
    void the_seed_printed_as_a_pdf_reads_back_to_every_cell_and_reconstructs_to_925_exact_cells() {
        String text = Disclosures.text(Disclosures.SEED);
        byte[] pdf = DisclosurePdf.write(text, "晋城市行政审批服务管理局2026年部门预算公开");
        PdfText.Extracted extracted = PdfText.extract(pdf);

        DisclosureDocument fromText = new DisclosureParser().parse(text);
        DisclosureDocument fromPdf = new DisclosureParser().parse(extracted.text());
        assertSameDocument(fromPdf, fromText);
        assertThat(extracted.places().get(extracted.places().size() - 1).page()).isGreaterThan(20);

        BudgetHeader header = fromPdf.header(fromPdf.departmentCode());
        Reconstruction.Result result = Reconstruction.reconstruct(header, fromPdf.tables(), false);
        Map<Integer, DisclosureTable> rendered = new TreeMap<>();
        DisclosureTables.renderAll(header, result.lines().stream().map(Reconstruction.SolvedLine::line).toList())
                .forEach(t -> rendered.put(t.number(), t));
        Reconciliation.Report report = Reconciliation.compare(fromPdf.tables(), rendered);
        assertThat(report.differences()).isEmpty();
        assertThat(report.exact()).isEqualTo(925);
        // The narrative's figures survive wrapped lines and page breaks: 4294.01 this year, 4557.36 the year before.
        assertThat(fromPdf.narrative().total().amountWanYuan()).isEqualByComparingTo("4294.01");
        assertThat(fromPdf.narrative().total().priorYearWanYuan()).isEqualByComparingTo("4557.36");
    }

    @Test
    void generated_documents_printed_as_pdfs_read_back_to_every_cell() {
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (long seed = 1; seed <= COUNT; seed++) {
            LedgerGenerator.Generated generated = LedgerGenerator.generate(seed);
            byte[] pdf = DisclosurePdf.write(generated.text(), generated.header().departmentName() + "2026年部门预算公开");
            DisclosureDocument fromText = new DisclosureParser().parse(generated.text());
            try {
                DisclosureDocument fromPdf = new DisclosureParser().parse(PdfText.extract(pdf).text());
                assertSameDocument(fromPdf, fromText);
                cells += fromPdf.tables().values().stream().mapToInt(t -> t.rows().size() * t.amountColumns().size())
                        .sum();
            } catch (AssertionError | DisclosureParseException e) {
                failures.add(seed + ": " + e.getMessage().lines().limit(6).toList());
            }
        }
        System.out.println("generated PDFs: " + COUNT + " read back " + (COUNT - failures.size()) + ", cells " + cells);
        assertThat(failures).isEmpty();
    }

    @Test
    void pages_turned_by_their_rotate_entry_read_like_upright_ones() {
        for (long seed = 1; seed <= 5; seed++) {
            LedgerGenerator.Generated generated = LedgerGenerator.generate(seed);
            byte[] pdf = DisclosurePdf.write(generated.text(), generated.header().departmentName(), true);
            assertSameDocument(new DisclosureParser().parse(PdfText.extract(pdf).text()),
                    new DisclosureParser().parse(generated.text()));
        }
    }

    @Test
    void an_unreadable_amount_in_a_pdf_is_named_by_the_page_it_is_printed_on() {
        String text = Disclosures.text(Disclosures.SEED).replaceFirst("\t3487\\.06\t", "\t34a7.06\t");
        byte[] pdf = DisclosurePdf.write(text, "晋城市行政审批服务管理局");
        PdfText.Extracted extracted = PdfText.extract(pdf);
        int printedOn = pageHolding(pdf, "34a7.06");
        assertThatThrownBy(() -> new DisclosureParser().parse(extracted.text()))
                .isInstanceOfSatisfying(DisclosureParseException.class, e -> assertThat(extracted.onPages(e.problems()))
                        .extracting(ParseProblem::text)
                        .containsExactly("第 " + printedOn + " 页第 " + extracted.onPages(e.problems()).get(0).line()
                                + " 行，表1 预算收支总表：“支出合计”列金额 “34a7.06” 不是数字"));
        assertThat(printedOn).isGreaterThan(1);
    }

    @Test
    void a_cell_changed_in_the_pdf_is_refused_naming_that_cell_on_its_page() {
        String row = "201\t一般公共服务支出\t3487.06\t1920.38\t1566.68";
        String seed = Disclosures.text(Disclosures.SEED);
        int at = seed.indexOf(row); // table 3's row; table 5 prints the same row later
        String misprinted = seed.substring(0, at) + "201\t一般公共服务支出\t3497.06\t1920.38\t1566.68"
                + seed.substring(at + row.length());
        byte[] pdf = DisclosurePdf.write(misprinted, "晋城市行政审批服务管理局");
        PdfText.Extracted extracted = PdfText.extract(pdf);
        DisclosureDocument document = new DisclosureParser().parse(extracted.text());
        BudgetHeader header = document.header(document.departmentCode());
        assertThatThrownBy(() -> Reconstruction.reconstruct(header, document.tables(), false))
                .isInstanceOfSatisfying(Reconstruction.ReconstructionException.class, e -> {
                    List<ParseProblem> onPages = extracted.onPages(e.problems());
                    assertThat(onPages).hasSize(1);
                    assertThat(onPages.get(0).page()).isEqualTo(pageHolding(pdf, "3497.06"));
                    assertThat(onPages.get(0).text()).contains("表3 预算支出总表", "201 一般公共服务支出", "“合计”列",
                            "公布 3497.06", "其余单元格得出 3487.06");
                });
    }

    /** The first page whose plain PDFBox text holds the words, found without PdfText. */
    private static int pageHolding(byte[] pdf, String words) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                if (stripper.getText(document).contains(words)) {
                    return p;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(words + " is on no page");
    }

    @Test
    void bytes_that_are_no_pdf_are_refused_as_a_problem_not_an_exception_of_the_library() {
        assertThatThrownBy(() -> PdfText.extract("2026年预算收支总表".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DisclosureParseException.class,
                        e -> assertThat(e.problems().get(0).text()).startsWith("第 1 行：不是可读取的 PDF"));
    }

    @Test
    void a_pdf_without_text_such_as_a_scan_is_refused_saying_so() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (PDDocument blank = new PDDocument()) {
            blank.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            blank.save(out);
        }
        assertThatThrownBy(() -> PdfText.extract(out.toByteArray()))
                .isInstanceOfSatisfying(DisclosureParseException.class, e -> assertThat(e.problems())
                        .extracting(ParseProblem::text).containsExactly("第 1 行：PDF 中没有可提取的文字（可能是扫描的图像），无法读取"));
    }

    private static void assertSameDocument(DisclosureDocument actual, DisclosureDocument expected) {
        assertThat(actual.departmentName()).isEqualTo(expected.departmentName());
        assertThat(actual.departmentCode()).isEqualTo(expected.departmentCode());
        assertThat(actual.fiscalYear()).isEqualTo(expected.fiscalYear());
        assertThat(actual.unitNames()).isEqualTo(expected.unitNames());
        assertThat(actual.tables().keySet()).isEqualTo(expected.tables().keySet());
        for (int number : expected.tables().keySet()) {
            assertThat(Disclosures.cells(actual.table(number))).as("表" + number)
                    .isEqualTo(Disclosures.cells(expected.table(number)));
        }
        for (BudgetSubject subject : BudgetSubject.values()) {
            NarrativeFigure a = actual.narrative().figure(subject);
            NarrativeFigure e = expected.narrative().figure(subject);
            assertThat(List.of(String.valueOf(a.amountWanYuan()), String.valueOf(a.changeWanYuan()),
                    String.valueOf(a.reason()))).as(subject.name()).isEqualTo(List.of(String.valueOf(e.amountWanYuan()),
                    String.valueOf(e.changeWanYuan()), String.valueOf(e.reason())));
        }
    }
}
