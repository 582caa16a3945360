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
