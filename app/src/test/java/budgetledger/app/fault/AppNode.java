package budgetledger.app.fault;

import budgetledger.app.BudgetLedgerApplication;
import budgetledger.app.TestUsers;
import budgetledger.security.Role;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The application as a separate operating-system process (the test JVM's class path, no jar needed), on a given
 * database and port, with the test users; killed with SIGKILL or stopped with SIGTERM like a real server.
 */
final class AppNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    AppNode(String name, String dbUrl, String dbUser, int port, String... extraArgs) {
        this.name = name;
        this.port = port;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Daxoniq.update-checker.disabled=true", "-cp", classPath, BudgetLedgerApplication.class.getName(),
                "--budget-ledger.db.url=" + dbUrl, "--budget-ledger.db.user=" + dbUser, "--server.port=" + port,
                "--budget-ledger.db.max-pool-size=6", "--budget-ledger.load-sample=false",
                "--logging.level.root=warn"));
        command.addAll(TestUsers.args());
        command.addAll(List.of(extraArgs));
        try {
            Path dir = Path.of("target", "fault-logs");
            Files.createDirectories(dir);
            log = dir.resolve(name + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AppNode start() {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the health check answers UP; fails if the process dies first. */
    AppNode awaitUp(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                .alias(name + " up (see " + log.toAbsolutePath() + ")").until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see "
                                + log.toAbsolutePath());
                    }
                    return health() == 200;
                });
        return this;
    }

    /** The status code of GET /actuator/health, or -1 when nothing answers. */
    int health() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9. */
    void kill() {
        process.destroyForcibly();
        waitExit();
    }

    /** SIGTERM: Spring closes, Axon releases its token claims. */
    void stop() {
        process.destroy();
        waitExit();
    }

    private void waitExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    record Answer(int status, String body, long millis) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Answer post(Role role, String path, String contentType, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), role);
    }

    Answer get(Role role, String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), role);
    }

    private Answer send(HttpRequest.Builder request, Role role) throws IOException {
        String auth = TestUsers.name(role) + ":" + TestUsers.password(role);
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(120));
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Lets time pass where time itself is the point, not a condition to wait for: a fault waiting for its random
     * moment, a load client backing off (with jitter) before it sends again after a conflict, or for a while after
     * a lost answer, as a real client would while a node is down (the fault is what the test measures; its clients
     * must not wait for the node to come back). Waiting for a node or its database to answer is a condition:
     * {@link #awaitUp}, or awaiting {@link #health()}.
     */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + (process == null ? "-" : process.pid()) + ", port " + port + ")";
    }

    static File logDir() {
        return Path.of("target", "fault-logs").toFile();
    }
}
