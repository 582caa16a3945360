package budgetledger.app;

import budgetledger.app.config.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its data in a folder, so a restart finds what was written before. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void data_written_before_a_restart_is_there_after_it() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0);
             Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            connection.createStatement().execute("create table kept (amount_fen bigint)");
            connection.createStatement().execute("insert into kept values (429401)");
        }
        assertThat(dataDir.resolve("postgresql.conf")).exists();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             ResultSet rs = connection.createStatement().executeQuery("select amount_fen from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(429401L);
        }
    }
}
