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
            int civilService = 0;
            for (long seed = 1; seed <= COUNT; seed++) {
                LedgerGenerator.Generated generated = TemplateLedgerGenerator.generate(template, seed);
                try {
                    DisclosureDocument document = new DisclosureParser().parse(generated.text());
                    assertThat(document.template()).isSameAs(template);
                    Reconstruction.Reconstructed reconstructed = Reconstruction.reconstruct(document,
                            generated.header().departmentCode(), false);
                    BudgetHeader header = reconstructed.header();
                    Reconstruction.Result result = reconstructed.result();
                    Reconciliation.Report report = GeneratedDisclosuresTest.reconcile(document, header, result);
                    civilService += header.units().stream()
                            .anyMatch(u -> u.type() == budgetledger.model.UnitType.CIVIL_SERVICE_MANAGED) ? 1 : 0;
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
                    + ", exact cells " + cells + ", empty tables " + emptyTables + ", 政府采购 items " + procurementItems
                    + ", read with 参公 units " + civilService);
            assertThat(failures).as(template.id()).isEmpty();
            assertThat(emptyTables).as("some documents have empty tables").isPositive();
            if (template.tables().stream().anyMatch(t -> t.kind() == TableLayout.Kind.PROCUREMENT)) {
                assertThat(procurementItems).as("procurement items read back").isGreaterThan(COUNT);
            }
        }
    }

    @Test
    void generated_documents_printed_as_pdfs_read_back_to_the_tables_of_their_text() {
        DisclosurePdf.assumeFont();
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
                GeneratedDisclosuresTest.Mutation mutation = GeneratedDisclosuresTest.mutate(document.tables(),
                        new Random(seed));
                DisclosureDocument mutated = new DisclosureDocument(document.template(), document.departmentName(),
                        document.departmentCode(), document.fiscalYear(), mutation.tables(), document.unitNames(),
                        document.narrative(), document.warnings());
                try {
                    Reconstruction.reconstruct(mutated, generated.header().departmentCode(), false);
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

    /**
     * Titles as real documents print them: after the body's name (某某局2026年…), after a table label on the same
     * line (公开01表 收支总表) or with one in brackets after it (（公开表1）), with the label alone on a line after the
     * title, a 单位预算's 单位 where the 部门预算 says 部门 (单位财务收支预算总表, 编制单位：), and 预算 left out of the
     * title as other years word it (国有资本经营支出表). Each reads to the same tables as the plain document.
     */
    @Test
    void titles_with_names_labels_and_the_units_wording_read_to_the_same_tables() {
        for (Template template : templates()) {
            for (long seed = 1; seed <= 20; seed++) {
                LedgerGenerator.Generated generated = TemplateLedgerGenerator.generate(template, seed);
                String department = generated.header().departmentName();
                List<String> out = new ArrayList<>();
                int titles = 0;
                for (String line : generated.text().split("\n", -1)) {
                    TableLayout layout = titled(template, line.strip());
                    if (layout == null) {
                        out.add(line.replace("编制部门：", "编制单位："));
                        continue;
                    }
                    titles++;
                    String label = String.format("公开%02d表", layout.number());
                    String title = line.strip();
                    if (seed % 5 == 0) {
                        // worded as other years and bodies word it: 预算 dropped, 部门 / 单位 before it
                        out.add(title.replace("预算", ""));
                    } else if (title.startsWith("2026年部门")) {
                        out.add(department + "2026年单位" + title.substring("2026年部门".length()) + "（公开表"
                                + layout.number() + "）");
                    } else if (seed % 2 == 0) {
                        out.add(label + " " + title);
                    } else {
                        out.add(title + "（" + label + "）");
                        out.add(label);
                    }
                }
                assertThat(titles).as(template.id() + " titles found").isEqualTo(template.count());
                DisclosureDocument plain = new DisclosureParser().parse(generated.text());
                DisclosureDocument printed = new DisclosureParser().parse(String.join("\n", out));
                assertThat(printed.template()).isSameAs(template);
                assertThat(printed.departmentName()).isEqualTo(department);
                assertThat(cells(printed)).as(template.id() + " seed " + seed).isEqualTo(cells(plain));
            }
        }
    }

    /**
     * A department's workbook (one sheet per table, as {@code TableXlsx} lays tables out and departments publish
     * them) reads to the same tables as its text. Not the seed's template: its project tables tell a unit from a
     * project partly by the unit names of the 机构设置 text, which a workbook of tables does not carry.
     */
    @Test
    void each_templates_tables_published_as_a_workbook_read_to_the_same_tables() {
        for (Template template : templates()) {
            for (long seed = 1; seed <= 20; seed++) {
                LedgerGenerator.Generated generated = TemplateLedgerGenerator.generate(template, seed);
                List<DisclosureTable> tables = budgetledger.disclosure.tables.DisclosureTables.renderAll(
                        generated.header(), generated.lines());
                byte[] workbook = budgetledger.disclosure.tables.TableXlsx.write(template, tables, 2026,
                        generated.header().departmentName());
                assertThat(budgetledger.disclosure.XlsxText.isXlsx(workbook)).isTrue();
                DisclosureDocument fromText = new DisclosureParser().parse(generated.text());
                DisclosureDocument fromXlsx = new DisclosureParser().parse(
                        budgetledger.disclosure.XlsxText.extract(workbook));
                assertThat(fromXlsx.template()).isSameAs(template);
                assertThat(fromXlsx.departmentName()).isEqualTo(generated.header().departmentName());
                assertThat(fromXlsx.fiscalYear()).isEqualTo(2026);
                assertThat(cells(fromXlsx)).as(template.id() + " seed " + seed).isEqualTo(cells(fromText));
            }
        }
    }

    /** The table whose title (with the year, or bare in a template that prints it so) the line is. */
    private static TableLayout titled(Template template, String line) {
        for (TableLayout layout : template.tables()) {
            if (line.equals("2026年" + layout.title()) || line.equals(layout.title())) {
                return layout;
            }
        }
        return null;
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
