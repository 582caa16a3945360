package budgetledger.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bundled sample disclosure (the seed), as tests post it. */
final class SampleText {

    private SampleText() {
    }

    static String seed() {
        try (InputStream in = SampleText.class.getClassLoader().getResourceAsStream("disclosures/sample-062-2026.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
