package budgetledger.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the ledger's PostgreSQL is. With {@code url} empty (the default) the app starts an embedded PostgreSQL
 * whose data lives in {@code embeddedDataDir}; the environment variables {@code BUDGET_LEDGER_DB_URL},
 * {@code BUDGET_LEDGER_DB_USER} and {@code BUDGET_LEDGER_DB_PASSWORD} point it at a real server instead.
 */
@ConfigurationProperties("budget-ledger.db")
public record DatabaseProperties(String url, String user, String password, Path embeddedDataDir,
                                 Integer embeddedPort, Integer maxPoolSize,
                                 Integer connectionTimeoutMs) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
