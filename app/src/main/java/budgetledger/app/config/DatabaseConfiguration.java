package budgetledger.app.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;

/** The DataSource: the configured PostgreSQL server, or the embedded one when none is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    /** Started only when no server URL is configured. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServerHolder embeddedPostgres(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return new EmbeddedPostgresServerHolder(null);
        }
        Path dataDir = properties.embeddedDataDir() != null ? properties.embeddedDataDir()
                : Path.of(System.getProperty("user.home"), ".budget-ledger", "pgdata");
        int port = properties.embeddedPort() == null ? 0 : properties.embeddedPort();
        return new EmbeddedPostgresServerHolder(EmbeddedPostgresServer.start(dataDir, port));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServerHolder> holder) {
        HikariConfig config = new HikariConfig();
        EmbeddedPostgresServer embedded = holder.getObject().server();
        if (embedded != null) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        // Batched statements (Axon's appends, the chain's links, batched projection writes) as multi-row INSERTs.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(properties.maxPoolSize() == null ? 20 : properties.maxPoolSize());
        config.setPoolName("budget-ledger");
        // Names this node's connections, so that the nodes on one database can count each other (SegmentBalancer).
        config.addDataSourceProperty("ApplicationName", budgetledger.processing.SegmentBalancer.applicationName());
        // When PostgreSQL is gone a request waits this long for a connection, then is refused (503), never hangs.
        config.setConnectionTimeout(properties.connectionTimeoutMs() == null ? 5000 : properties.connectionTimeoutMs());
        return new HikariDataSource(config);
    }

    /** Holds the embedded server, or nothing when a real server is configured, so its lifecycle is Spring's. */
    record EmbeddedPostgresServerHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
