package budgetledger.disclosure.generated;

import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.DisclosureDocument;
import budgetledger.disclosure.DisclosureParseException;
import budgetledger.disclosure.DisclosureParser;
import budgetledger.disclosure.PdfText;
import budgetledger.disclosure.Reconstruction;
import budgetledger.disclosure.Reconstruction.ReconstructionException;
import budgetledger.disclosure.TableLayout;
import budgetledger.disclosure.Template;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every template other than the seed's, proven on documents generated from exact ledgers
 * ({@link TemplateLedgerGenerator}): each is recognised by its titles, imports with every published cell
 * reproduced (cells in 元 exactly, cells in 万元 within their rounding), reads back the same from the PDF it is
 * printed as, and with one cell moved is refused naming that cell. Counts: {@code -Dgenerated.template.count}
 * (200), {@code -Dgenerated.template.mutations} (30).
 */
class TemplateDisclosuresTest {

    private static final int COUNT = Integer.getInteger("generated.template.count", 200);
    private static final int MUTATIONS = Integer.getInteger("generated.template.mutations", 30);

    /** The templates rendered from their filters: every template but the seed's. */
    private static List<Template> templates() {
        return Template.all().stream().filter(t -> !t.isSeed()).toList();
    }

    @Test
    void generated_documents_of_each_template_are_recognised_and_import_with_every_cell_exact() {
        assertThat(templates()).extracting(Template::id).contains("shanghai-district-9", "jiangsu-city-13");
        for (Template template : templates()) {
            List<String> failures = new ArrayList<>();
            long cells = 0;
            int emptyTables = 0;
            int procurementItems = 0;
            for (long seed = 1; seed <= COUNT; seed++) {
                LedgerGenerator.Generated generated = TemplateLedgerGenerator.generate(template, seed);
                try {
                    DisclosureDocument document = new DisclosureParser().parse(generated.text());
                    assertThat(document.template()).isSameAs(template);
                    BudgetHeader header = document.header(generated.header().departmentCode());
                    Reconstruction.Result result = Reconstruction.reconstruct(header, document.tables(), false);
                    Reconciliation.Report report = GeneratedDisclosuresTest.reconcile(document, header, result);
                    cells += report.exact();
                    procurementItems += result.procurement().size();
                    if (!new java.util.HashSet<>(result.procurement())
                            .equals(new java.util.HashSet<>(generated.header().procurement()))
                            || result.procurement().size() != generated.header().procurement().size()) {
                        failures.add(seed + ": procurement items read back differ");
                    }
                    emptyTables += (int) document.tables().values().stream().filter(DisclosureTable::holdsNoAmount)
                            .count();
                    if (!report.differences().isEmpty()) {
                        failures.add(seed + ": " + report.differences().size() + " cells differ, first "
                                + report.differences().get(0));
                    }
                } catch (DisclosureParseException | ReconstructionException e) {
                    failures.add(seed + ": refused: " + e.getMessage().lines().limit(3).toList());
                }
            }
            System.out.println(template.id() + ": generated " + COUNT + ", imported " + (COUNT - failures.size())
                    + ", exact cells " + cells + ", empty tables " + emptyTables + ", 政府采购 items " + procurementItems);
            assertThat(failures).as(template.id()).isEmpty();
            assertThat(emptyTables).as("some documents have empty tables").isPositive();
            if (template.tables().stream().anyMatch(t -> t.kind() == TableLayout.Kind.PROCUREMENT)) {
                assertThat(procurementItems).as("procurement items read back").isGreaterThan(COUNT);
            }
        }
    }

    @Test
    void generated_documents_printed_as_pdfs_read_back_to_the_tables_of_their_text() {
        assumeThat(DisclosurePdf.font()).as("a CJK font (" + DisclosurePdf.FONT_FILE + ") to print PDFs").isPresent();
        for (Template template : templates()) {
            List<String> failures = new ArrayList<>();
            for (long seed = 1; seed <= COUNT; seed++) {
                LedgerGenerator.Generated generated = TemplateLedgerGenerator.generate(template, seed);
                byte[] pdf = DisclosurePdf.write(generated.text(), generated.header().departmentName() + "2026年部门预算");
                DisclosureDocument fromText = new DisclosureParser().parse(generated.text());
                try {
                    DisclosureDocument fromPdf = new DisclosureParser().parse(PdfText.extract(pdf).text());
                    if (fromPdf.template() != template || !fromPdf.departmentName().equals(fromText.departmentName())
                            || !cells(fromPdf).equals(cells(fromText))) {
                        failures.add(seed + ": the PDF reads back other tables");
                    }
                } catch (DisclosureParseException e) {
                    failures.add(seed + ": " + e.getMessage().lines().limit(3).toList());
                }
            }
            System.out.println(template.id() + ": PDFs " + COUNT + ", read back " + (COUNT - failures.size()));
            assertThat(failures).as(template.id()).isEmpty();
        }
    }

    @Test
    void a_cell_moved_beyond_its_rounding_is_refused_naming_that_cell() {
        for (Template template : templates()) {
            List<String> failures = new ArrayList<>();
            for (long seed = 1; seed <= MUTATIONS; seed++) {
                LedgerGenerator.Generated generated = TemplateLedgerGenerator.generate(template, seed);
                DisclosureDocument document = new DisclosureParser().parse(generated.text());
                BudgetHeader header = document.header(generated.header().departmentCode());
                GeneratedDisclosuresTest.Mutation mutation = GeneratedDisclosuresTest.mutate(document.tables(),
                        new Random(seed));
                try {
                    Reconstruction.reconstruct(header, mutation.tables(), false);
                    failures.add(seed + ": " + mutation.place() + " moved and imported");
                } catch (ReconstructionException e) {
                    List<String> named = e.conflicts().stream().map(f -> f.cell().table() + "/" + f.cell().rowIndex()
                            + "/" + f.cell().column()).toList();
                    if (!named.equals(List.of(mutation.place()))) {
                        failures.add(seed + ": " + mutation.place() + " moved, refused naming " + named);
                    }
                }
            }
            assertThat(failures).as(template.id()).isEmpty();
        }
    }

    @Test
    void each_templates_tables_write_as_a_workbook_and_csv_in_the_templates_own_layout_and_units() throws Exception {
        for (Template template : templates()) {
            for (long seed = 1; seed <= 5; seed++) {
                LedgerGenerator.Generated generated = TemplateLedgerGenerator.generate(template, seed);
                List<DisclosureTable> tables = budgetledger.disclosure.tables.DisclosureTables.renderAll(
                        generated.header(), generated.lines());
                byte[] workbook = budgetledger.disclosure.tables.TableXlsx.write(tables, 2026,
                        generated.header().departmentName());
                try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(workbook))) {
                    assertThat(book.getNumberOfSheets()).isEqualTo(template.count());
                    for (int t = 0; t < template.count(); t++) {
                        org.apache.poi.ss.usermodel.Row unitRow = book.getSheetAt(t).getRow(1);
                        assertThat(unitRow.getCell(0).getStringCellValue())
                                .startsWith(template.departmentLabels().get(0) + "：");
                        assertThat(unitRow.getCell(unitRow.getLastCellNum() - 1).getStringCellValue())
                                .isEqualTo("单位：" + template.table(t + 1).unit());
                    }
                }
                for (DisclosureTable table : tables) {
                    String csv = budgetledger.disclosure.tables.TableCsv.write(table);
                    int width = template.table(table.number()).print().order().size();
                    assertThat(csv.lines().findFirst().orElseThrow().split(",", -1)).hasSize(width);
                }
            }
        }
    }

    /** Every table's cells as text, row by row: labels and amounts (blank as ""). */
    private static List<String> cells(DisclosureDocument document) {
        List<String> cells = new ArrayList<>();
        document.tables().forEach((number, table) -> {
            for (TableRow row : table.rows()) {
                cells.add(number + "|" + row.level() + "|" + String.join("|", row.labels()) + "|" + String.join("|",
                        row.amounts().stream().map(a -> Objects.toString(a, "")).toList()));
            }
        });
        return cells;
    }
}
