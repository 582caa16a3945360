package budgetledger.disclosure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The real published documents of {@code ../shared/real/} (relative to the project root, which CI provides; see its
 * README for provenance). They are read where they are, never copied into the project; a test that needs one is
 * skipped, saying so, where they are absent.
 */
public final class RealFixtures {

    public static final String WUXI = "wuxi-xfj-2025-dept.pdf";
    public static final String SHANGHAI = "shanghai-putuo-sfj-2026-dept.pdf";

    private RealFixtures() {
    }

    /** The fixture's bytes; the calling test is skipped with a message when the folder is not there. */
    public static byte[] bytes(String name) {
        Optional<Path> file = folder().map(f -> f.resolve(name)).filter(Files::isRegularFile);
        assumeThat(file).as("real fixture ../shared/real/" + name + " (beside the project root; CI has it)")
                .isPresent();
        try {
            return Files.readAllBytes(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with one published row changed: {@code row} must be in it, and {@code from} in the row. */
    public static String changed(String text, String row, String from, String to) {
        int at = text.indexOf(row);
        org.assertj.core.api.Assertions.assertThat(at).as("row “" + row + "” in the document").isGreaterThanOrEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(row).contains(from);
        return text.substring(0, at) + row.replace(from, to) + text.substring(at + row.length());
    }

    /** Reconstructing the document fails; the cells it names, each as place, published value → what the others give. */
    public static java.util.List<String> conflicts(DisclosureDocument document, String departmentCode) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> Reconstruction.reconstruct(document.header(departmentCode), document.tables(), false),
                Reconstruction.ReconstructionException.class).conflicts().stream()
                .map(f -> f.cell().place() + " " + f.cell().published().toPlainString() + " → "
                        + f.ledgerInUnit().toPlainString()).toList();
    }

    /** ../shared/real beside the project root: the first folder upwards from here that holds mvnw. */
    private static Optional<Path> folder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return Optional.ofNullable(dir).map(root -> root.resolve("../shared/real").normalize())
                .filter(Files::isDirectory);
    }
}
