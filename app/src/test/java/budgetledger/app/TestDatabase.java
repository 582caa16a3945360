package budgetledger.app;

import budgetledger.app.config.EmbeddedPostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test class: on the server at 127.0.0.1:5432 when it is up, else on
 * an embedded server started once per test JVM. Dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static EmbeddedPostgresServer embedded;

    public final String url;
    public final String user;

    private TestDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    public static synchronized TestDatabase create() {
        String server = serverUrl();
        String name = "budget_ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server + "postgres", "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(server + "postgres", "drop database if exists " + name + " with (force)");
            } catch (RuntimeException ignored) {
                // the embedded server may already be gone; its data folder is temporary anyway
            }
        }));
        return new TestDatabase(server + name, "postgres");
    }

    /** A database that exists already (a server the test started itself). */
    public static TestDatabase at(String url, String user) {
        return new TestDatabase(url, user);
    }

    private static String serverUrl() {
        if (localServerUp()) {
            return LOCAL_SERVER;
        }
        if (embedded == null) {
            try {
                Path dir = Files.createTempDirectory("budget-ledger-test-pg");
                embedded = EmbeddedPostgresServer.start(dir, 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return "jdbc:postgresql://localhost:" + embedded.port() + "/";
    }

    private static boolean localServerUp() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Points a Spring test context at this database, with a small connection pool: the test contexts of several
     * classes, and other builds, share one server and its 100 connections.
     */
    public void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same properties as a map (LedgerApp). */
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of("budget-ledger.db.url", url, "budget-ledger.db.user", user,
                "budget-ledger.db.max-pool-size", 5);
    }

    /** The first column of the first row, as text (null when there is no row or the value is null). */
    public String text(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement behind the application's back (to tamper with the store in audit tests). */
    public int update(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
