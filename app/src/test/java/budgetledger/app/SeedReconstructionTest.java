package budgetledger.app;

import budgetledger.command.api.ImportDisclosure;
import budgetledger.command.disclosure.DisclosureImport;
import budgetledger.command.disclosure.DisclosureParser;
import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.tables.DisclosureTables;
import budgetledger.query.tables.Reconciliation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SeedReconstructionTest {

    static String sample() throws IOException {
        try (InputStream in = SeedReconstructionTest.class.getClassLoader()
                .getResourceAsStream("disclosures/sample-062-2026.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_lines_reconstructed_from_the_seed_render_its_thirteen_tables() throws IOException {
        var document = new DisclosureParser().parse(sample());
        ImportDisclosure command = DisclosureImport.command(document, null, "sha", "c");
        BudgetRow budget = new BudgetRow(command.budgetId(), command.departmentCode(), command.departmentName(),
                command.fiscalYear(), command.units(), Map.of(), Map.of());
        List<BudgetLineRow> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            ImportDisclosure.ImportedLine l = command.lines().get(i);
            lines.add(new BudgetLineRow(command.budgetId(), "L" + (i + 1), l.unitCode(), l.functionalCode(), l.kind(),
                    l.deptEconomicCode(), l.govEconomicCode(), l.fundingSource(), l.origin(), l.project(), l.amountFen(),
                    l.amountFen(), 0));
        }
        Map<Integer, DisclosureTable> rendered = new TreeMap<>();
        DisclosureTables.renderAll(budget, lines).forEach(t -> rendered.put(t.number(), t));
        Reconciliation.Report report = Reconciliation.compare(document.tables(), rendered);
        report.differences().forEach(System.out::println);
        System.out.println(command.units());
        command.lines().forEach(System.out::println);
        assertThat(report.mismatched()).isZero();
    }
}
