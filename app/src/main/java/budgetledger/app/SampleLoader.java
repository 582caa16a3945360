package budgetledger.app;

import budgetledger.exchange.disclosure.DisclosureImportService;
import budgetledger.exchange.disclosure.ImportResult;
import budgetledger.app.config.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * On the first start of the embedded default (an empty event store), loads the bundled sample: the 2026
 * disclosure of department 062, so that a new user sees real tables at once. BUDGET_LEDGER_LOAD_SAMPLE=false
 * turns it off; a configured database server never gets it.
 */
@Component
public class SampleLoader implements ApplicationRunner {

    static final String SAMPLE = "disclosures/sample-062-2026.txt";
    private static final Logger log = LoggerFactory.getLogger(SampleLoader.class);

    private final DatabaseProperties database;
    private final JdbcTemplate jdbc;
    private final DisclosureImportService imports;
    private final boolean enabled;

    public SampleLoader(DatabaseProperties database, JdbcTemplate jdbc, DisclosureImportService imports,
                        @Value("${budget-ledger.load-sample:true}") boolean enabled) {
        this.database = database;
        this.jdbc = jdbc;
        this.imports = imports;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !database.embedded()) {
            return;
        }
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (events == null || events > 0) {
            return;
        }
        ImportResult result = imports.importDocument(sample(), null);
        log.info("Loaded the sample disclosure as budget {}: {} lines; try GET /api/budgets/{}/tables/3",
                result.budgetId(), result.lines(), result.budgetId());
    }

    static String sample() {
        try (InputStream in = SampleLoader.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + SAMPLE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
