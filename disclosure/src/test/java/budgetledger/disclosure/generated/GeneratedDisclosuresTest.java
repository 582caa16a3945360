package budgetledger.disclosure.generated;

import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.BudgetLine;
import budgetledger.disclosure.DisclosureDocument;
import budgetledger.disclosure.DisclosureParseException;
import budgetledger.disclosure.DisclosureParser;
import budgetledger.disclosure.Reconstruction;
import budgetledger.disclosure.Reconstruction.ReconstructionException;
import budgetledger.disclosure.Reconstruction.SolvedLine;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every consistent disclosure imports: documents of the seed's template generated from exact ledgers
 * ({@link LedgerGenerator}) are parsed and reconstructed, and the tables of the reconstructed lines match every
 * published cell. A cell moved beyond what rounding allows is refused and named; truncated or mangled documents
 * are refused with problems, never with another failure. {@code -Dgenerated.count=10000} runs a longer series.
 */
class GeneratedDisclosuresTest {

    private static final int COUNT = Integer.getInteger("generated.count", 500);
    /** The first seed ({@code -Dgenerated.from=328 -Dgenerated.count=1} replays one document). */
    private static final long FROM = Long.getLong("generated.from", 1);
    /** Lines per unit relative to the usual ({@code -Dgenerated.scale=10}: departments of about 300 lines). */
    private static final int SCALE = Integer.getInteger("generated.scale", 1);
    private static final int MUTATIONS = Integer.getInteger("generated.mutations", 150);

    @Test
    void every_generated_disclosure_imports_with_every_published_cell_exact() {
        List<String> failures = importAll(FROM, COUNT, SCALE);
        assertThat(failures).isEmpty();
    }

    /**
     * Imports documents {@code from} to {@code from + count − 1} and prints the count; the failures, one line each.
     * {@code main(from, count)} runs a longer series outside the test suite (the 10,000-document run).
     */
    static List<String> importAll(long from, int count, int scale) {
        List<String> failures = new ArrayList<>();
        long cells = 0;
        for (long seed = from; seed < from + count; seed++) {
            LedgerGenerator.Generated generated = LedgerGenerator.generate(seed, scale);
            try {
                DisclosureDocument document = new DisclosureParser().parse(generated.text());
                BudgetHeader header = document.header(document.departmentCode());
                Reconstruction.Result result = Reconstruction.reconstruct(header, document.tables(), false);
                Reconciliation.Report report = reconcile(document, header, result);
                cells += report.exact();
                if (!report.differences().isEmpty()) {
                    failures.add(seed + ": " + report.differences().size() + " cells differ, first "
                            + report.differences().get(0));
                }
            } catch (DisclosureParseException e) {
                failures.add(seed + ": refused: " + e.problems().stream().limit(3).toList());
            } catch (ReconstructionException e) {
                failures.add(seed + ": refused: " + e.problems().stream().limit(3).toList());
            }
        }
        System.out.println("generated disclosures " + from + "–" + (from + count - 1) + ": " + count + ", imported "
                + (count - failures.size()) + ", exact cells " + cells);
        return failures;
    }

    public static void main(String[] args) {
        List<String> failures = importAll(Long.parseLong(args[0]), Integer.parseInt(args[1]), 1);
        failures.forEach(System.out::println);
    }

    @Test
    void a_cell_moved_beyond_its_rounding_is_refused_by_name_and_with_findings_accepted_is_the_one_finding() {
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= MUTATIONS; seed++) {
            LedgerGenerator.Generated generated = LedgerGenerator.generate(seed);
            DisclosureDocument document = new DisclosureParser().parse(generated.text());
            BudgetHeader header = document.header(document.departmentCode());
            Random random = new Random(seed);
            Mutation mutation = mutate(document.tables(), random);
            try {
                Reconstruction.reconstruct(header, mutation.tables(), false);
                failures.add(seed + ": " + mutation + " was imported");
                continue;
            } catch (ReconstructionException e) {
                List<String> named = e.conflicts().stream().map(f -> f.cell().table() + "/" + f.cell().rowIndex() + "/"
                        + f.cell().column()).toList();
                if (!named.equals(List.of(mutation.place()))) {
                    failures.add(seed + ": " + mutation + " refused naming " + named);
                    continue;
                }
            }
            Reconstruction.Result accepted = Reconstruction.reconstruct(header, mutation.tables(), true);
            List<String> findings = accepted.findings().stream().map(f -> f.cell().table() + "/"
                    + f.cell().rowIndex() + "/" + f.cell().column()).toList();
            Reconciliation.Report report = reconcile(new DisclosureDocument(document.template(), document.departmentName(),
                    document.departmentCode(), document.fiscalYear(), mutation.tables(), document.unitNames(),
                    document.narrative(), document.warnings()), header, accepted);
            if (!findings.equals(List.of(mutation.place())) || report.mismatched() > 1) {
                failures.add(seed + ": " + mutation + " accepted with findings " + findings + ", "
                        + report.mismatched() + " mismatched cells");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void truncated_or_mangled_documents_are_refused_with_problems_never_another_failure() {
        int refused = 0;
        for (long seed = 1; seed <= MUTATIONS; seed++) {
            String text = LedgerGenerator.generate(seed).text();
            Random random = new Random(seed);
            String broken = switch (random.nextInt(3)) {
                case 0 -> text.substring(0, random.nextInt(text.length()));
                case 1 -> mangle(text, random);
                default -> text.replaceFirst("\t[0-9]+\\.[0-9]{2}", "\t" + random.nextInt(100) + "x.00");
            };
            try {
                DisclosureDocument document = new DisclosureParser().parse(broken);
                Reconstruction.reconstruct(document.header(document.departmentCode() == null ? "999"
                        : document.departmentCode()), document.tables(), false);
            } catch (DisclosureParseException e) {
                assertThat(e.problems()).isNotEmpty();
                refused++;
            } catch (ReconstructionException e) {
                assertThat(e.problems()).isNotEmpty();
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }

    private static String mangle(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < 5; i++) {
            int at = random.nextInt(out.length());
            out.setCharAt(at, "\t\n9.-口".charAt(random.nextInt(6)));
        }
        return out.toString();
    }

    record Mutation(Map<Integer, DisclosureTable> tables, String place, BigDecimal from, BigDecimal to) {
    }

    /** One non-blank cell moved by at least 1.00 of its unit (or a tenth of itself): no rounding explains it. */
    static Mutation mutate(Map<Integer, DisclosureTable> tables, Random random) {
        List<int[]> cells = new ArrayList<>();
        tables.forEach((number, table) -> {
            for (int r = 0; r < table.rows().size(); r++) {
                List<BigDecimal> amounts = table.rows().get(r).amounts();
                for (int c = 0; c < amounts.size(); c++) {
                    if (amounts.get(c) != null) {
                        cells.add(new int[] {number, r, c});
                    }
                }
            }
        });
        int[] chosen = cells.get(random.nextInt(cells.size()));
        DisclosureTable table = tables.get(chosen[0]);
        TableRow row = table.rows().get(chosen[1]);
        BigDecimal from = row.amounts().get(chosen[2]);
        BigDecimal step = from.movePointLeft(1).max(BigDecimal.ONE).setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal to = random.nextBoolean() || from.compareTo(step) < 0 ? from.add(step) : from.subtract(step);
        List<BigDecimal> amounts = new ArrayList<>(row.amounts());
        amounts.set(chosen[2], to);
        List<TableRow> rows = new ArrayList<>(table.rows());
        rows.set(chosen[1], new TableRow(row.level(), row.labels(), amounts, row.sourceLine()));
        Map<Integer, DisclosureTable> mutated = new TreeMap<>(tables);
        mutated.put(chosen[0], new DisclosureTable(table.number(), table.title(), table.labelColumns(),
                table.amountColumns(), rows));
        return new Mutation(mutated, chosen[0] + "/" + chosen[1] + "/" + chosen[2], from, to);
    }

    static Reconciliation.Report reconcile(DisclosureDocument document, BudgetHeader header,
                                                   Reconstruction.Result result) {
        List<BudgetLine> lines = result.lines().stream().map(SolvedLine::line).toList();
        Map<Integer, DisclosureTable> rendered = new TreeMap<>();
        DisclosureTables.renderAll(header, lines).forEach(t -> rendered.put(t.number(), t));
        return Reconciliation.compare(document.template(), document.tables(), rendered);
    }
}
