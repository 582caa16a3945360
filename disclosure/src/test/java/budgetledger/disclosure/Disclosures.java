package budgetledger.disclosure;

import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test documents and a compact, cell-by-cell view of parsed rows. */
final class Disclosures {

    static final String SEED = "disclosures/sample-062-2026.txt";
    static final String OTHER_DEPARTMENT = "disclosures/sample-other-dept.txt";

    private Disclosures() {
    }

    static String text(String resource) {
        try (InputStream in = Disclosures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's lines, to derive broken documents from; index 0 is line 1. */
    static List<String> lines(String resource) {
        return new ArrayList<>(Arrays.asList(text(resource).split("\n", -1)));
    }

    static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    /** Each row as "level|label…|amount…", a blank amount as an empty cell: 3|2010306|政务公开审批|2349.64|1123.02|1226.62. */
    static List<String> cells(DisclosureTable table) {
        return table.rows().stream().map(Disclosures::cells).toList();
    }

    static String cells(TableRow row) {
        List<String> parts = new ArrayList<>();
        parts.add(Integer.toString(row.level()));
        parts.addAll(row.labels());
        for (BigDecimal amount : row.amounts()) {
            parts.add(amount == null ? "" : amount.toPlainString());
        }
        return String.join("|", parts);
    }
}
