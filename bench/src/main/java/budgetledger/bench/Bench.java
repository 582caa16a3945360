package budgetledger.bench;

import budgetledger.exchange.disclosure.DisclosureImportService;
import budgetledger.disclosure.DisclosureDocument;
import budgetledger.disclosure.DisclosureParser;
import budgetledger.disclosure.Reconstruction;
import budgetledger.disclosure.generated.LedgerGenerator;
import budgetledger.app.BudgetLedgerApplication;
import budgetledger.audit.EventChain;
import budgetledger.audit.BudgetJournal;
import budgetledger.audit.History;
import budgetledger.app.config.EmbeddedPostgresServer;
import budgetledger.exchange.lineimport.LineItemImportService;
import budgetledger.processing.ProjectionRebuild;
import budgetledger.processing.ReadYourWrites;
import budgetledger.processing.ReadModelProgress;
import budgetledger.command.api.AdjustBudgetLine;
import budgetledger.command.api.OpenBudget;
import budgetledger.events.BudgetLineAdjusted;
import budgetledger.model.BudgetUnit;
import budgetledger.model.UnitType;
import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.LedgerProcessing;
import budgetledger.query.DisclosureTableView;
import budgetledger.query.FindDisclosureTableQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.StringReader;
import java.math.BigDecimal;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The benchmark of issue 9: every path of the ledger measured in-process against a fresh PostgreSQL database, each
 * beside its raw-JDBC baseline measured in the same run, after a warm-up, median of at least 3 repetitions.
 * Prints one line per figure ({@code FIG …}) and a final summary, one {@code PATH <n> <name>: …} line per path.
 *
 * <p>Options: {@code --server jdbc:postgresql://127.0.0.1:5432/} (default; a database
 * {@code budget_ledger_bench_<random>} is created there and dropped at the end), {@code --embedded} (an embedded
 * PostgreSQL in a temporary folder instead), {@code --events N} (events in the store for paths 3 to 5, default
 * 1,000,000), {@code --reps N} (default 3), {@code --quick} (small sizes, to try the harness),
 * {@code --paths 1,6} (only these paths, and what they need: path 6 runs after path 1, paths 3 to 5 after 2),
 * {@code --set key=value} (an application property, e.g. a processor's batch size, to compare a change).
 */
public final class Bench {

    static final int REPS_DEFAULT = 3;

    // Sizes of the issue.
    int reps = REPS_DEFAULT;
    int commandBudgets = 100;
    int linesPerCommandBudget = 50;
    int commands8 = 10_000; // 20,000 before issue 18: with read your writes a repetition took minutes
    int commands1 = 2_000;
    int importBudgets = 100;
    int importLines = 1_000;
    long totalEvents = 1_000_000;
    int hotEvents = 50_000;
    int queries = 500;
    /**
     * Path 6's requests per repetition: 3,000 until 2026-12-06 (fourth session), a repetition of 1.3–2.3 s on the
     * machines here, in which one burst of the JIT or the GC moved the rate by half between runs of the same jar.
     */
    int httpRequests = 10_000;
    int rawOneRow8 = 20_000;
    int rawOneRow1 = 2_000;

    /** The paths to measure ({@code --paths 1,6}); those a path needs run too (path 2's budgets for 3 to 5). */
    java.util.Set<Integer> selected = new java.util.TreeSet<>(List.of(1, 2, 3, 4, 5, 6, 7));
    /** Path 7: departments imported from generated documents, and how much larger than the usual ones. */
    int documents = 40;
    int documentScale = 10;
    final Map<String, String> extra = new LinkedHashMap<>();
    final List<String> summary = new ArrayList<>();
    final Random random = new Random(9);

    String serverUrl = "jdbc:postgresql://127.0.0.1:5432/";
    boolean embedded;
    String dbUrl;
    ConfigurableApplicationContext context;
    String financePassword;
    int port;

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Bench bench = new Bench();
        bench.options(args);
        int status = bench.run();
        System.exit(status);
    }

    void options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> serverUrl = args[++i];
                case "--embedded" -> embedded = true;
                case "--events" -> totalEvents = Long.parseLong(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--paths" -> {
                    selected = new java.util.TreeSet<>();
                    for (String p : args[++i].split(",")) {
                        selected.add(Integer.parseInt(p.trim()));
                    }
                }
                case "--set" -> {
                    String[] kv = args[++i].split("=", 2);
                    extra.put(kv[0], kv[1]);
                }
                case "--documents" -> documents = Integer.parseInt(args[++i]);
                case "--quick" -> {
                    commandBudgets = 20;
                    commands8 = 2_000;
                    commands1 = 300;
                    importBudgets = 10;
                    totalEvents = 100_000;
                    hotEvents = 10_000;
                    queries = 100;
                    httpRequests = 1_000;
                    rawOneRow8 = 2_000;
                    rawOneRow1 = 300;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
    }

    int run() throws Exception {
        long began = System.nanoTime();
        EmbeddedPostgresServer server = null;
        if (embedded) {
            server = EmbeddedPostgresServer.start(Files.createTempDirectory("budget-ledger-bench-pg"), 0);
            serverUrl = "jdbc:postgresql://localhost:" + server.port() + "/";
        }
        String name = "budget_ledger_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute(serverUrl + "postgres", "create database " + name);
        dbUrl = serverUrl + name;
        line("INFO database " + dbUrl + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + LocalDate.now() + ", java " + System.getProperty("java.version") + ", reps " + reps
                + (extra.isEmpty() ? "" : ", properties " + extra));
        try {
            start();
            paths();
            return 0;
        } finally {
            if (context != null) {
                context.close();
            }
            execute(serverUrl + "postgres", "drop database if exists " + name + " with (force)");
            if (server != null) {
                server.close();
            }
            line("INFO total " + seconds(System.nanoTime() - began) + " s");
            line("");
            summary.forEach(Bench::line);
        }
    }

    void start() throws Exception {
        financePassword = "bench-" + UUID.randomUUID();
        Path credentials = Files.createTempFile("bench-credentials", ".txt");
        Files.delete(credentials);
        Map<String, Object> props = new HashMap<>();
        props.put("budget-ledger.db.url", dbUrl);
        props.put("budget-ledger.db.user", "postgres");
        props.put("budget-ledger.db.password", "");
        props.put("budget-ledger.db.embedded-data-dir", credentials.getParent().resolve("bench-unused-pgdata").toString());
        props.put("budget-ledger.db.max-pool-size", "20");
        props.put("budget-ledger.load-sample", "false");
        props.put("budget-ledger.initial-users.credentials-file", credentials.toString());
        for (String role : List.of("finance", "auditor", "analyst", "admin")) {
            props.put("budget-ledger.initial-users.passwords." + role, financePassword);
        }
        props.put("server.port", "0");
        props.put("logging.level.root", "warn");
        props.putAll(extra);
        long t = System.nanoTime();
        // As command-line arguments: they take precedence over application.yml (default properties would not).
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = new SpringApplicationBuilder(BudgetLedgerApplication.class).run(args);
        if (!dbUrl.equals(context.getEnvironment().getProperty("budget-ledger.db.url"))) {
            throw new IllegalStateException("the application is not on the benchmark database");
        }
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        line("INFO application started in " + seconds(System.nanoTime() - t) + " s, HTTP port " + port);
    }

    // ---------------------------------------------------------------------------------------------------------

    void paths() throws Exception {
        rawSetup();
        if (selected.contains(1) || selected.contains(6)) {
            path1();
        }
        if (selected.contains(6)) {
            path6();
        }
        if (selected.contains(7)) {
            path7();
        }
        if (selected.stream().anyMatch(p -> p >= 2 && p <= 5)) {
            List<String> importBudgetIds = path2();
            if (selected.stream().anyMatch(p -> p >= 3)) {
                fill(importBudgetIds);
            }
            if (selected.contains(3)) {
                path3();
            }
            if (selected.contains(4)) {
                path4(importBudgetIds);
            }
            if (selected.contains(5)) {
                path5(importBudgetIds);
            }
        }
    }

    // Path 7 -------------------------------------------------------------------------------------------------

    /**
     * Disclosure import: documents of the seed's template generated from exact ledgers of about 300 lines
     * (LedgerGenerator, scale 10), each posted to the import service whole (parse, solve, render, reconcile, one
     * command, read your writes); p50 and p99 of the whole import, and of the solving alone.
     */
    void path7() {
        DisclosureImportService imports = context.getBean(DisclosureImportService.class);
        for (int w = 0; w < 3; w++) { // warm-up: class loading, the solver's native library, JIT
            imports.importDocument(LedgerGenerator.generate(90_000 + w, documentScale).text(), null);
        }
        List<Double> whole = new ArrayList<>();
        List<Double> solving = new ArrayList<>();
        List<Integer> lineCounts = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            LedgerGenerator.Generated generated = LedgerGenerator.generate(1_000 + d, documentScale);
            lineCounts.add(generated.lines().size());
            long s = System.nanoTime();
            DisclosureDocument document = new DisclosureParser().parse(generated.text());
            Reconstruction.reconstruct(document.header(document.departmentCode()), document.tables(), false);
            solving.add((System.nanoTime() - s) / 1e6);
            long t = System.nanoTime();
            imports.importDocument(generated.text(), null);
            whole.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(whole);
        Collections.sort(solving);
        Collections.sort(lineCounts);
        line(String.format(Locale.ROOT, "FIG path7 %d documents of %d–%d lines (median %d): parse and solve p50=%.0f ms "
                        + "p99=%.0f ms; whole import p50=%.0f ms p99=%.0f ms", documents, lineCounts.get(0),
                lineCounts.get(lineCounts.size() - 1), lineCounts.get(lineCounts.size() / 2),
                percentile(solving, 50), percentile(solving, 99), percentile(whole, 50), percentile(whole, 99)));
        latency(7, "document-import-ms", percentile(whole, 50), percentile(whole, 99), 2_000);
    }

    // Path 1 -------------------------------------------------------------------------------------------------

    final List<String> commandBudgetIds = new ArrayList<>();
    static final int LARGE_BUDGET_LINES = 20_000;
    double path1Rate8;

    void path1() throws Exception {
        LineItemImportService imports = context.getBean(LineItemImportService.class);
        for (int b = 0; b < commandBudgets; b++) {
            String id = openBudget("7" + String.format("%03d", b));
            imports.importFile(id, "lines.csv", csv(linesPerCommandBudget, "1" + b, id), message -> { });
            commandBudgetIds.add(id);
        }
        CommandGateway commands = context.getBean(CommandGateway.class);
        AtomicInteger seq = new AtomicInteger();
        ReadYourWrites readYourWrites = context.getBean(ReadYourWrites.class);
        // What a user waits for: the command acknowledged and the read models showing it (as the API answers).
        // Where an acknowledged change's time goes: the command (to its commit) and read your writes after it.
        java.util.concurrent.atomic.LongAdder commandNanos = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder readYourWritesNanos = new java.util.concurrent.atomic.LongAdder();
        // One acknowledged adjustment of a random line among a budget's first {@code lines}.
        java.util.function.ObjIntConsumer<String> acknowledged = (budget, lines) -> {
            String lineId = "L" + (1 + ThreadLocalRandom.current().nextInt(lines));
            long s = System.nanoTime();
            budgetledger.command.api.CommandReceipt receipt = commands.sendAndWait(new AdjustBudgetLine(budget, lineId,
                    new BigDecimal("1.00"), "bench", "bench", "c-" + seq.incrementAndGet()));
            long committed = System.nanoTime();
            // As the API answers a change: shown when its command wrote it, else once the read models show it.
            if (!readYourWrites.awaitWrite(budget, receipt.sequence())) {
                throw new IllegalStateException("read models did not show the change to " + budget + " in time");
            }
            commandNanos.add(committed - s);
            readYourWritesNanos.add(System.nanoTime() - committed);
        };
        IntConsumer adjust = i -> acknowledged.accept(
                commandBudgetIds.get(ThreadLocalRandom.current().nextInt(commandBudgetIds.size())), linesPerCommandBudget);
        java.util.function.Consumer<String> adjustIn = budget -> commands.sendAndWait(new AdjustBudgetLine(budget,
                "L" + (1 + ThreadLocalRandom.current().nextInt(linesPerCommandBudget)), new BigDecimal("1.00"),
                "bench", "bench", "c-" + seq.incrementAndGet()));
        IntConsumer adjustOnly = i -> adjustIn.accept(
                commandBudgetIds.get(ThreadLocalRandom.current().nextInt(commandBudgetIds.size())));
        staggerSnapshots(adjustIn);
        // The peer: the same adjustment on a bare Axon aggregate, same kind of store, no chain, no projections.
        execute(dbUrl, PeerBaseline.DDL);
        PeerBaseline peer = new PeerBaseline(context.getBean(org.axonframework.common.jdbc.ConnectionProvider.class),
                context.getBean(TransactionManager.class));
        CommandGateway peerCommands = peer.commands();
        for (String budget : commandBudgetIds) {
            peerCommands.sendAndWait(new PeerBaseline.OpenPeer(budget, linesPerCommandBudget, openingFen(0)));
        }
        IntConsumer peerAdjust = i -> {
            String budget = commandBudgetIds.get(ThreadLocalRandom.current().nextInt(commandBudgetIds.size()));
            String lineId = "L" + (1 + ThreadLocalRandom.current().nextInt(linesPerCommandBudget));
            peerCommands.sendAndWait(new PeerBaseline.AdjustPeer(budget, lineId, 100));
        };
        // Whole repetitions until the JIT is quiet: after a fifth of one, the ledger's first repetition ran at about 0.7
        // of its third (the JIT still compiling its longer path).
        warmUp(new String[] {"path1", "path1 peer"}, () -> concurrent("path1 warm-up", 8, commands8, adjust),
                () -> concurrent("path1 peer warm-up", 8, commands8, peerAdjust));
        List<Double> rate8 = new ArrayList<>();
        List<Double> rate1 = new ArrayList<>();
        List<Double> raw8 = new ArrayList<>();
        List<Double> raw1 = new ArrayList<>();
        List<Double> peer8 = new ArrayList<>();
        rawOneRow(8, rawOneRow8 / 10); // warm-up
        for (int r = 0; r < reps; r++) {
            DbCounts before = r == 0 ? DbCounts.take(dbUrl) : null;
            commandNanos.reset();
            readYourWritesNanos.reset();
            CpuTime cpu = CpuTime.take();
            long[] groupsBefore = groupCommits();
            Map<String, Long> threadsBefore = backgroundThreadMillis();
            Stats s8 = concurrent("path1", 8, commands8, adjust);
            rate8.add(s8.rate);
            CpuTime cpuAfter = CpuTime.take();
            line(String.format(Locale.ROOT, "FIG path1 commands 8 threads (read-your-writes) rep %d: %.0f/s p50=%.2f ms "
                    + "p99=%.2f ms; mean per change: command %.2f ms, read your writes %.2f ms; %s; %s", r + 1, s8.rate,
                    s8.p50, s8.p99, commandNanos.sum() / 1e6 / commands8, readYourWritesNanos.sum() / 1e6 / commands8,
                    cpuAfter.since(cpu, commands8, "change"), appendsPerGroup(groupsBefore)));
            line("FIG path1 JVM CPU per change by thread (8 threads): "
                    + backgroundThreadsSince(threadsBefore, cpuAfter.jvmTicks() - cpu.jvmTicks(), commands8));
            if (before != null) {
                waitFor(head());
                line("FIG path1 per acknowledged adjustment (8 threads): " + DbCounts.take(dbUrl).since(before, commands8));
                before = DbCounts.take(dbUrl);
            }
            cpu = CpuTime.take();
            Stats p8 = concurrent("path1 peer", 8, commands8, peerAdjust);
            peer8.add(p8.rate);
            line(String.format(Locale.ROOT, "FIG path1 bare-Axon peer 8 threads rep %d: %.0f/s p50=%.2f ms p99=%.2f ms; "
                    + "%s", r + 1, p8.rate, p8.p50, p8.p99, CpuTime.take().since(cpu, commands8, "change")));
            if (before != null) {
                line("FIG path1 per peer adjustment (8 threads): " + DbCounts.take(dbUrl).since(before, commands8));
                before = DbCounts.take(dbUrl);
            }
            cpu = CpuTime.take();
            Stats r8 = rawOneRow(8, rawOneRow8);
            String rawCpu = CpuTime.take().since(cpu, rawOneRow8, "commit");
            if (before != null) {
                line("FIG path1 per raw one-row commit (8 threads): " + DbCounts.take(dbUrl).since(before, rawOneRow8));
            }
            raw8.add(r8.rate);
            line(String.format(Locale.ROOT, "FIG path1 raw one-row commit 8 threads rep %d: %.0f/s p50=%.2f ms p99=%.2f ms; "
                    + "%s", r + 1, r8.rate, r8.p50, r8.p99, rawCpu));
            commandNanos.reset();
            readYourWritesNanos.reset();
            cpu = CpuTime.take();
            Stats s1 = concurrent("path1", 1, commands1, adjust);
            rate1.add(s1.rate);
            line(String.format(Locale.ROOT, "FIG path1 commands 1 thread (read-your-writes) rep %d: %.0f/s p50=%.2f ms; "
                    + "mean per change: command %.2f ms, read your writes %.2f ms; %s", r + 1, s1.rate, s1.p50,
                    commandNanos.sum() / 1e6 / commands1, readYourWritesNanos.sum() / 1e6 / commands1,
                    CpuTime.take().since(cpu, commands1, "change")));
            Stats r1 = rawOneRow(1, rawOneRow1);
            raw1.add(r1.rate);
            line(String.format(Locale.ROOT, "FIG path1 raw one-row commit 1 thread rep %d: %.0f/s", r + 1, r1.rate));
        }
        // One thread on a large budget: two files of 10,000 lines give it 20,000 command ids. A filter of fixed size
        // (before 2026-12-03) let 86 % of new ids through as "maybe seen", each a read of the budget's whole stream.
        String large = openBudget("5999");
        for (int f = 0; f < 2; f++) {
            imports.importFile(large, "lines.csv", csv(LARGE_BUDGET_LINES / 2, "large" + f, large), message -> { });
        }
        Stats onLarge = concurrent("path1 large budget", 1, commands1,
                i -> acknowledged.accept(large, LARGE_BUDGET_LINES));
        line(String.format(Locale.ROOT, "FIG path1 commands 1 thread on a budget of %,d imported lines (one run): "
                + "%.0f/s p50=%.2f ms p99=%.2f ms (on budgets of %d lines: %.0f/s)", LARGE_BUDGET_LINES, onLarge.rate,
                onLarge.p50, onLarge.p99, linesPerCommandBudget, median(rate1)));
        // For comparison with earlier runs: acknowledged by the command bus only, read models not awaited.
        Stats unwaited = concurrent("path1 without read-your-writes", 8, commands8, adjustOnly);
        line(String.format(Locale.ROOT, "FIG path1 commands 8 threads without read-your-writes (one run): %.0f/s "
                + "p50=%.2f ms p99=%.2f ms", unwaited.rate, unwaited.p50, unwaited.p99));
        peer.close();
        path1Rate8 = median(rate8);
        ratio(1, "adjustments-8-threads", median(rate8), "cmd/s", median(raw8), 0.25);
        ratio(1, "adjustments-8-threads-vs-bare-axon-peer", median(rate8), "cmd/s", median(peer8), 0.8);
        ratio(1, "adjustments-1-thread", median(rate1), "cmd/s", median(raw1), 0.25);
    }

    /** The group commit's groups and appends so far (GroupCommit), or null when appends commit alone. */
    long[] groupCommits() {
        return context.getBean(budgetledger.audit.ChainingEventStorageEngine.class).groupCommit()
                .map(g -> new long[] {g.groups(), g.appends()}).orElse(null);
    }

    /** Appends per group commit since {@code before} (groupCommits). */
    String appendsPerGroup(long[] before) {
        long[] now = groupCommits();
        if (before == null || now == null || now[0] == before[0]) {
            return "no group commits";
        }
        return String.format(Locale.ROOT, "appends per group commit %.2f", (double) (now[1] - before[1]) / (now[0] - before[0]));
    }

    // Path 6 -------------------------------------------------------------------------------------------------

    /**
     * The JVM's threads that live through a path, by what they do (Linux keeps 15 characters of a thread's name): the
     * tracking processor, the event store's reader, the chain's linker, the snapshotter, the JIT compiler, the garbage
     * collector. The command threads are the rest: they end with their path, and their CPU is then the JVM's less these.
     */
    static final Map<String, List<String>> BACKGROUND_THREADS = new LinkedHashMap<>();

    static {
        BACKGROUND_THREADS.put("processor", List.of("EventProcessor"));
        BACKGROUND_THREADS.put("event-store reader", List.of("EmbeddedEventSt"));
        BACKGROUND_THREADS.put("linker", List.of("event-chain-lin"));
        BACKGROUND_THREADS.put("snapshotter", List.of("snapshotter"));
        BACKGROUND_THREADS.put("JIT", List.of("C1 Compiler", "C2 Compiler"));
        BACKGROUND_THREADS.put("GC", List.of("GC Thread", "G1 "));
    }

    static Map<String, Long> backgroundThreadMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        BACKGROUND_THREADS.forEach((group, prefixes) -> millis.put(group, threadCpuMillis(prefixes.toArray(String[]::new))));
        return millis;
    }

    /** "processor 0.012 ms, …, the rest (commands) 0.080 ms" per operation since {@code before}. */
    static String backgroundThreadsSince(Map<String, Long> before, long jvmTicks, int count) {
        Map<String, Long> now = backgroundThreadMillis();
        StringBuilder out = new StringBuilder();
        double background = 0;
        for (Map.Entry<String, Long> group : now.entrySet()) {
            double perChange = (double) (group.getValue() - before.get(group.getKey())) / count;
            background += perChange;
            out.append(String.format(Locale.ROOT, "%s %.3f ms, ", group.getKey(), perChange));
        }
        double jvm = jvmTicks * CpuTime.MILLIS_PER_TICK / count;
        return out.append(String.format(Locale.ROOT, "the rest (the command threads and others) %.3f ms", jvm - background))
                .toString();
    }

    /** Tomcat names its request threads after the connector ({@code http-nio-<port>-exec-<n>}, or {@code auto}). */
    static final String TOMCAT_REQUEST_THREADS = "http-nio-";

    void path6() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("finance:" + financePassword)
                .getBytes(StandardCharsets.UTF_8));
        AtomicInteger seq = new AtomicInteger();
        int clients = 8;
        CloseableHttpClient client = httpClients(clients);
        IntConsumer post = i -> {
            String budget = commandBudgetIds.get(ThreadLocalRandom.current().nextInt(commandBudgetIds.size()));
            String lineId = "L" + (1 + ThreadLocalRandom.current().nextInt(linesPerCommandBudget));
            String body = "{\"lineId\":\"" + lineId + "\",\"amount\":\"1.00\",\"documentNo\":\"bench\","
                    + "\"reason\":\"bench\",\"commandId\":\"h-" + seq.incrementAndGet() + "\"}";
            HttpPost request = new HttpPost("http://127.0.0.1:" + port + "/api/budgets/" + budget + "/adjustments");
            request.setHeader("Authorization", auth);
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            send(client, request);
        };
        // Whole repetitions until the JIT is quiet: the HTTP stack (Tomcat, security, JSON) has more code to compile
        // than path 1's; after one repetition the compiler threads still used 13.5 % of the machine (2026-12-03,
        // per-thread CPU from /proc), compiling filter chains and Jackson's parser for up to a second each.
        warmUp("path6", () -> concurrent("path6 warm-up", clients, httpRequests, post));
        List<Double> rates = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            DbCounts before = r == 0 ? DbCounts.take(dbUrl) : null;
            CpuTime cpu = CpuTime.take();
            long tomcat = threadCpuMillis(TOMCAT_REQUEST_THREADS);
            Stats s = concurrent("path6", clients, httpRequests, post);
            double tomcatPerRequest = (double) (threadCpuMillis(TOMCAT_REQUEST_THREADS) - tomcat) / httpRequests;
            rates.add(s.rate);
            p50.add(s.p50);
            p99.add(s.p99);
            // The JVM's figure holds the server (Tomcat's request threads, shown apart), the benchmark's own HTTP
            // client and the processors; the request threads' part is what the servlet stack and the command cost.
            line(String.format(Locale.ROOT, "FIG path6 HTTP adjustments 8 clients rep %d: %.0f/s p50=%.2f ms p99=%.2f ms; "
                    + "%s; Tomcat's request threads %.3f ms", r + 1, s.rate, s.p50, s.p99,
                    CpuTime.take().since(cpu, httpRequests, "request"), tomcatPerRequest));
            if (before != null) {
                line("FIG path6 per HTTP adjustment (8 clients): " + DbCounts.take(dbUrl).since(before, httpRequests));
            }
        }
        line(String.format(Locale.ROOT, "FIG path6 HTTP median p50=%.2f ms p99=%.2f ms", median(p50), median(p99)));
        // One client, one request at a time: the latency of a request without contention (a fixed stall such as
        // TCP's delayed acknowledgement would show here).
        Stats one = concurrent("path6 1 client", 1, httpRequests / 10, post);
        line(String.format(Locale.ROOT, "FIG path6 HTTP adjustments 1 client (one run): %.0f/s p50=%.2f ms p99=%.2f ms",
                one.rate, one.p50, one.p99));
        ratio(6, "http-adjustments-8-clients", median(rates), "req/s", path1Rate8, 0.50);
        client.close();
    }

    // Path 2 -------------------------------------------------------------------------------------------------

    List<String> path2() throws Exception {
        LineItemImportService imports = context.getBean(LineItemImportService.class);
        ReadYourWrites readYourWrites = context.getBean(ReadYourWrites.class);
        List<String> all = new ArrayList<>();
        // Warm-up: a whole repetition's budgets. After three, a run's first repetition ran at about 0.6 of its third
        // (13,988 and 23,006 lines/s on 2026-12-02): the JIT was still compiling the import's path.
        for (int b = 0; b < importBudgets; b++) {
            String id = openBudget("6" + String.format("%03d", b));
            imports.importFile(id, "lines.csv", csv(importLines, "w" + b, id), message -> { });
        }
        rawBatched(importBudgets * importLines / 10);
        List<Double> rates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        List<Double> copyRates = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            List<String> ids = new ArrayList<>();
            List<byte[]> files = new ArrayList<>();
            for (int b = 0; b < importBudgets; b++) {
                ids.add(openBudget("9" + r + String.format("%03d", b))); // department codes are digits
                files.add(csv(importLines, r + "-" + b, ids.get(b)));
            }
            DbCounts before = r == 0 ? DbCounts.take(dbUrl) : null;
            CpuTime cpu = CpuTime.take();
            long t = System.nanoTime();
            for (int b = 0; b < importBudgets; b++) {
                imports.importFile(ids.get(b), "lines.csv", files.get(b), message -> { });
                // As the API answers an import: once the read models show it (read your writes).
                if (!readYourWrites.awaitBudget(ids.get(b))) {
                    throw new IllegalStateException("read models did not show the import into " + ids.get(b));
                }
            }
            double rate = importBudgets * (double) importLines / ((System.nanoTime() - t) / 1e9);
            String cpuPerLines = CpuTime.take().since(cpu, importBudgets * importLines / 1_000, "1,000 lines");
            if (before != null) {
                waitFor(head());
                line("FIG path2 per imported line: " + DbCounts.take(dbUrl).since(before, importBudgets * importLines));
            }
            rates.add(rate);
            all.addAll(ids);
            line(String.format(Locale.ROOT, "FIG path2 import %d budgets x %d lines rep %d: %.0f lines/s; %s",
                    importBudgets, importLines, r + 1, rate, cpuPerLines));
            double raw = rawBatched(importBudgets * importLines);
            rawRates.add(raw);
            line(String.format(Locale.ROOT, "FIG path2 raw batched INSERT %d rows rep %d: %.0f rows/s",
                    importBudgets * importLines, r + 1, raw));
            double copy = rawCopy(importBudgets * importLines);
            copyRates.add(copy);
            line(String.format(Locale.ROOT, "FIG path2 raw COPY %d rows rep %d: %.0f rows/s",
                    importBudgets * importLines, r + 1, copy));
        }
        line(String.format(Locale.ROOT, "FIG path2 import against COPY: %.0f lines/s vs %.0f rows/s, ratio %.2f",
                median(rates), median(copyRates), median(rates) / median(copyRates)));
        ratio(2, "bulk-import", median(rates), "lines/s", median(rawRates), 0.25);
        return all;
    }

    // Filling the store to the size of paths 3–5 ---------------------------------------------------------------

    /**
     * Brings the event store to {@code totalEvents} with real BudgetLineAdjusted events on the imported budgets,
     * appended in batches of 1,000 through the application's own EventStore (so Axon serialises them and the chain
     * engine writes their links), with the projections stopped; the catch-up after it is the rebuild's warm-up.
     * The first budget gets {@code hotEvents} events for path 5.
     */
    void fill(List<String> budgets) throws Exception {
        EventStore store = context.getBean(EventStore.class);
        TransactionManager tx = context.getBean(TransactionManager.class);
        TrackingEventProcessor processor = processor();
        String type = text("select type from domain_event_entry where aggregate_identifier = ? limit 1", budgets.get(0));
        long have = count("select count(*) from domain_event_entry");
        long needed = Math.max(0, totalEvents - have);
        processor.shutDown();
        long t = System.nanoTime();
        long written = 0;
        int budgetIndex = 0;
        while (written < needed) {
            String budget = budgets.get(budgetIndex % budgets.size());
            long forThis = budgetIndex == 0 ? Math.min(needed, hotEvents)
                    : Math.min(needed - written, Math.max(1_000, (needed - hotEvents) / (budgets.size() - 1) + 1));
            budgetIndex++;
            long sequence = store.lastSequenceNumberFor(budget).orElseThrow();
            Map<String, Long> amounts = new HashMap<>();
            for (long done = 0; done < forThis; ) {
                int batch = (int) Math.min(1_000, forThis - done);
                List<EventMessage<?>> events = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    long k = done + i;
                    String lineId = "L" + (1 + k % importLines);
                    long delta = (k / importLines) % 2 == 0 ? 100 : -100;
                    long after = amounts.merge(lineId, delta, Long::sum) + openingFen(k % importLines);
                    sequence++;
                    events.add(new GenericDomainEventMessage<>(type, budget, sequence,
                            new BudgetLineAdjusted(budget, lineId, delta, after, "bench", "bench",
                                    "f-" + budget + "-" + sequence),
                            Map.of("actor", "bench", "source", "bench", "documentNo", "bench", "reason", "bench",
                                    "commandId", "f-" + budget + "-" + sequence)));
                }
                DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
                uow.attachTransaction(tx);
                store.publish(events);
                uow.commit();
                done += batch;
                written += batch;
            }
        }
        context.getBean("departmentBudgetCache", Cache.class).removeAll();
        double fillSeconds = (System.nanoTime() - t) / 1e9;
        line(String.format(Locale.ROOT, "FIG fill %d events through EventStore.publish, 1,000 per transaction, seals "
                + "included, projections stopped: %.1f s, %.0f events/s", written, fillSeconds, written / fillSeconds));
        // The background linker is behind by the whole fill: link it now, so that path 3 measures the rebuild and
        // not the chain's backlog of a bulk load beside it (which made some repetitions three times slower).
        t = System.nanoTime();
        long linked = context.getBean(EventChain.class).link();
        line(String.format(Locale.ROOT, "FIG fill: the chain linked the rest of the fill, %d events, in %.1f s",
                linked, (System.nanoTime() - t) / 1e9));
        long head = head();
        t = System.nanoTime();
        processor.start();
        waitFor(head);
        double catchUp = (System.nanoTime() - t) / 1e9;
        line(String.format(Locale.ROOT, "FIG path3 warm-up: projections caught up on %d events in %.1f s (%.0f events/s)",
                written, catchUp, written / catchUp));
    }

    // Path 3 -------------------------------------------------------------------------------------------------

    void path3() throws Exception {
        ProjectionRebuild rebuild = context.getBean(ProjectionRebuild.class);
        long events = count("select count(*) from domain_event_entry");
        // Whole rebuilds until the JIT is quiet, as paths 1 and 6 warm up. The catch-up before (the fill's warm-up)
        // is not a replay: a replay's code (replay tokens, reset support, the emptied tables' writes) was compiled
        // during the first measured rebuild, which was the slowest in every run of 2026-12-03 (42,617 to 64,469
        // events/s against 49,625 to 82,014 for the next ones).
        warmUp("path3", () -> {
            rebuild.rebuild(Duration.ofMinutes(10));
            return null;
        });
        List<Double> rates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            // What a rebuild writes, per 1,000 events, in the first repetition (a snapshot waits 11 s, outside the time).
            DbCounts rows = r == 0 ? DbCounts.take(dbUrl) : null;
            CpuTime cpu = CpuTime.take();
            long t = System.nanoTime();
            rebuild.rebuild(Duration.ofMinutes(10));
            double rate = events / ((System.nanoTime() - t) / 1e9);
            rates.add(rate);
            if (rows != null) {
                line("FIG path3 per 1,000 replayed events: " + DbCounts.take(dbUrl).since(rows, events / 1_000,
                        "thousands of events"));
            }
            // CPU per event as well: the rate moves by a sixth between repetitions of the same jar here, CPU less.
            line(String.format(Locale.ROOT, "FIG path3 rebuild of every read model over %d events rep %d: %.0f events/s; "
                    + "%s", events, r + 1, rate, CpuTime.take().since(cpu, (int) (events / 1_000), "1,000 events")));
            double raw = rawBatched(events);
            rawRates.add(raw);
            line(String.format(Locale.ROOT, "FIG path3 raw batched INSERT %d rows rep %d: %.0f rows/s", events, r + 1, raw));
        }
        ratio(3, "rebuild", median(rates), "events/s", median(rawRates), 0.35);
    }

    // Path 4 -------------------------------------------------------------------------------------------------

    void path4(List<String> budgets) throws Exception {
        QueryGateway gateway = context.getBean(QueryGateway.class);
        long events = count("select count(*) from domain_event_entry");
        List<Double> all = new ArrayList<>();
        for (int table : List.of(3, 6)) {
            IntConsumer query = i -> {
                String budget = budgets.get(ThreadLocalRandom.current().nextInt(budgets.size()));
                DisclosureTable t = gateway.query(new FindDisclosureTableQuery(budget, table),
                        ResponseTypes.optionalInstanceOf(DisclosureTableView.class)).join().orElseThrow().table();
                if (t.rows().isEmpty()) {
                    throw new IllegalStateException("table " + table + " of " + budget + " is empty");
                }
            };
            // Warm-up: the JIT, and each budget's first query of this table, which renders it (timed apart); the
            // repetitions then measure repeated queries, which read the rendering kept for the budget's version.
            List<Double> firstRenders = new ArrayList<>();
            for (String budget : budgets) {
                long t0 = System.nanoTime();
                gateway.query(new FindDisclosureTableQuery(budget, table),
                        ResponseTypes.optionalInstanceOf(DisclosureTableView.class)).join().orElseThrow();
                firstRenders.add((System.nanoTime() - t0) / 1e6);
            }
            Collections.sort(firstRenders);
            line(String.format(Locale.ROOT, "FIG path4 table %d first query of each of %d budgets (renders): p50=%.2f ms "
                    + "p99=%.2f ms", table, budgets.size(), percentile(firstRenders, 50), percentile(firstRenders, 99)));
            concurrent("path4 warm-up", 1, queries / 5, query);
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                Stats s = concurrent("path4", 1, queries, query);
                p50.add(s.p50);
                p99.add(s.p99);
                all.addAll(s.latencies);
                line(String.format(Locale.ROOT, "FIG path4 table %d query (%d-line budgets, %d events in store) rep %d: "
                        + "p50=%.2f ms p99=%.2f ms (%.0f queries/s)", table, importLines, events, r + 1, s.p50, s.p99, s.rate));
            }
            // The same over HTTP (Basic auth, JSON), for comparison.
            Stats http = httpGets(budgets, table);
            line(String.format(Locale.ROOT, "FIG path4 table %d over HTTP: p50=%.2f ms p99=%.2f ms", table, http.p50, http.p99));
        }
        // Baseline: the raw SELECT of one budget's lines.
        List<Double> raw = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement("select * from budget_line where budget_id = ?")) {
            for (int i = 0; i < queries * reps; i++) {
                s.setString(1, budgets.get(ThreadLocalRandom.current().nextInt(budgets.size())));
                long t = System.nanoTime();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                raw.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(raw);
        line(String.format(Locale.ROOT, "FIG path4 raw SELECT of a budget's %d lines: p50=%.2f ms p99=%.2f ms",
                importLines, percentile(raw, 50), percentile(raw, 99)));
        Collections.sort(all);
        latency(4, "table-query-3-and-6", percentile(all, 50), percentile(all, 99), 10);
    }

    Stats httpGets(List<String> budgets, int table) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("analyst:" + financePassword)
                .getBytes(StandardCharsets.UTF_8));
        try (CloseableHttpClient client = httpClients(1)) {
            IntConsumer get = i -> {
                String budget = budgets.get(ThreadLocalRandom.current().nextInt(budgets.size()));
                HttpGet request = new HttpGet("http://127.0.0.1:" + port + "/api/budgets/" + budget + "/tables/"
                        + table);
                request.setHeader("Authorization", auth);
                send(client, request);
            };
            concurrent("path4 http warm-up", 1, queries / 5, get);
            return concurrent("path4 http", 1, queries, get);
        }
    }

    /**
     * The bench's HTTP clients: Apache's classic (blocking) client, one kept-alive connection per client thread. On two
     * cores the clients share the server's CPU, and the JDK's HttpClient (its selector thread, futures and executor
     * per request) halved what the server answered: 408 and 505 requests/s against wrk's 807 and 986, in turn, on one
     * warm server (issue 18, 2026-12-03).
     */
    static CloseableHttpClient httpClients(int threads) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(threads).setMaxConnPerRoute(threads).build();
        return HttpClients.custom().setConnectionManager(connections).build();
    }

    /** Sends one request; anything but 200 or 201 fails the benchmark with the answer. */
    static void send(CloseableHttpClient client, ClassicHttpRequest request) {
        try {
            client.execute(request, response -> {
                String answer = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (response.getCode() != 200 && response.getCode() != 201) {
                    throw new IllegalStateException("HTTP " + response.getCode() + ": " + answer);
                }
                return answer;
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    // Path 5 -------------------------------------------------------------------------------------------------

    void path5(List<String> budgets) throws Exception {
        String budget = budgets.get(0);
        History history = context.getBean(History.class);
        long events = count("select count(*) from domain_event_entry where aggregate_identifier = ?", budget);
        long middle = Long.parseLong(text("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number offset " + (events / 2) + " limit 1", budget));
        History.Moment moment = new History.Moment(null, middle);
        long t = System.nanoTime();
        history.tableAt(budget, 3, moment);
        double firstCall = (System.nanoTime() - t) / 1e6;
        line(String.format(Locale.ROOT, "FIG path5 as-of table 3 of %s (%d events) at position %d, first call (reads the "
                + "budget's events): %.0f ms", budget, events, middle, firstCall));
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < Math.max(reps, 5); r++) {
            t = System.nanoTime();
            DisclosureTable table = history.tableAt(budget, 3, moment);
            times.add((System.nanoTime() - t) / 1e6);
            if (table.rows().isEmpty()) {
                throw new IllegalStateException("empty table");
            }
            line(String.format(Locale.ROOT, "FIG path5 as-of rep %d: %.1f ms", r + 1, times.get(times.size() - 1)));
        }
        // The first call again, as a running server meets it: the as-of code has run on other budgets, twice as
        // many as the journal keeps (their reads evict this budget's events), so it reads this budget's events again
        // with its code compiled. The cold first call above also paid the JIT compiling that code.
        List<String> others = budgets.subList(1, Math.min(budgets.size(), 1 + 2 * BudgetJournal.CACHED_BUDGETS));
        for (int i = 0; i < 4 * others.size(); i++) {
            history.tableAt(others.get(i % others.size()), 3, new History.Moment(null, Long.MAX_VALUE));
        }
        double firstCallWarmCode = firstCall;
        if (others.size() > BudgetJournal.CACHED_BUDGETS) {
            t = System.nanoTime();
            history.tableAt(budget, 3, moment);
            firstCallWarmCode = (System.nanoTime() - t) / 1e6;
            line(String.format(Locale.ROOT, "FIG path5 as-of table 3 of %s, first call after %d calls on %d other "
                    + "budgets (reads the budget's events, its code compiled): %.0f ms", budget, 4 * others.size(),
                    others.size(), firstCallWarmCode));
        } else {
            line(String.format(Locale.ROOT, "INFO path5: %d other budgets cannot evict this one's events (the journal "
                    + "keeps %d); the first call is the cold one", others.size(), BudgetJournal.CACHED_BUDGETS));
        }
        // Baseline: reading the same events raw (no deserialisation).
        List<Double> raw = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement("select payload, meta_data from domain_event_entry "
                     + "where aggregate_identifier = ? and global_index <= ? order by sequence_number")) {
            for (int r = 0; r < Math.max(reps, 5); r++) {
                s.setString(1, budget);
                s.setLong(2, middle);
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes(1);
                    }
                }
                raw.add((System.nanoTime() - t0) / 1e6);
            }
        }
        line(String.format(Locale.ROOT, "FIG path5 raw SELECT of the events up to the moment: %.1f ms (first of them "
                + "%.1f ms)", median(raw), raw.get(0)));
        Collections.sort(times);
        latency(5, "as-of-50k-event-budget", percentile(times, 50), percentile(times, 99), 200);
        line(String.format(Locale.ROOT, "FIG path5 first call in a cold JVM: %.0f ms, %.1f × the raw read", firstCall,
                firstCall / median(raw)));
        String first = String.format(Locale.ROOT, "PATH 5 as-of-first-call: %.0fms raw-read=%.1fms ratio=%.1f target=3.0 %s",
                firstCallWarmCode, median(raw), firstCallWarmCode / median(raw),
                firstCallWarmCode <= 3 * median(raw) ? "met" : "short");
        line("FIG " + first);
        summary.add(first);
    }

    // Raw baselines ------------------------------------------------------------------------------------------

    static final byte[] PAYLOAD = new byte[200];
    static final byte[] META = new byte[100];

    static {
        new Random(1).nextBytes(PAYLOAD);
        new Random(2).nextBytes(META);
    }

    void rawSetup() throws SQLException {
        execute(dbUrl, "create table bench_raw (id bigserial primary key, aggregate_identifier varchar(255) not null, "
                + "sequence_number bigint not null, payload bytea not null, meta_data bytea)");
    }

    void truncateRaw() throws SQLException {
        execute(dbUrl, "truncate bench_raw restart identity");
    }

    /** Raw one-row INSERT + COMMIT transactions of an event-sized row, on {@code threads} connections. */
    Stats rawOneRow(int threads, int rows) throws Exception {
        truncateRaw();
        List<Connection> connections = new ArrayList<>();
        ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
        AtomicInteger seq = new AtomicInteger();
        try {
            return concurrent("raw one-row", threads, rows, i -> {
                try {
                    PreparedStatement s = statements.get();
                    if (s == null) {
                        Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
                        synchronized (connections) {
                            connections.add(c);
                        }
                        s = c.prepareStatement("insert into bench_raw (aggregate_identifier, sequence_number, payload, "
                                + "meta_data) values (?, ?, ?, ?)");
                        statements.set(s);
                    }
                    s.setString(1, "raw-" + Thread.currentThread().getId());
                    s.setLong(2, seq.incrementAndGet());
                    s.setBytes(3, PAYLOAD);
                    s.setBytes(4, META);
                    s.executeUpdate(); // autocommit: one transaction per row
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** Raw batched INSERT (reWriteBatchedInserts, 1,000 rows per batch and per commit); rows/s. */
    double rawBatched(long rows) throws SQLException {
        truncateRaw();
        try (Connection c = DriverManager.getConnection(dbUrl + "?reWriteBatchedInserts=true", "postgres", "");
             PreparedStatement s = c.prepareStatement("insert into bench_raw (aggregate_identifier, sequence_number, "
                     + "payload, meta_data) values (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            for (long i = 0; i < rows; i++) {
                s.setString(1, "raw-" + (i / 1_000));
                s.setLong(2, i);
                s.setBytes(3, PAYLOAD);
                s.setBytes(4, META);
                s.addBatch();
                if ((i + 1) % 1_000 == 0 || i == rows - 1) {
                    s.executeBatch();
                    c.commit();
                }
            }
            return rows / ((System.nanoTime() - t) / 1e9);
        } finally {
            truncateRaw();
        }
    }

    /** Raw COPY of the same rows (text format, one transaction); rows/s. */
    double rawCopy(long rows) throws Exception {
        truncateRaw();
        StringBuilder data = new StringBuilder();
        String payload = "\\\\x" + hex(PAYLOAD);
        String meta = "\\\\x" + hex(META);
        for (long i = 0; i < rows; i++) {
            data.append("raw-").append(i / 1_000).append('\t').append(i).append('\t').append(payload).append('\t')
                    .append(meta).append('\n');
        }
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "")) {
            long t = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_raw (aggregate_identifier, sequence_number, "
                    + "payload, meta_data) from stdin", new StringReader(data.toString()));
            return rows / ((System.nanoTime() - t) / 1e9);
        } finally {
            truncateRaw();
        }
    }

    // Helpers ------------------------------------------------------------------------------------------------

    String openBudget(String departmentCode) {
        String id = departmentCode + "-2026";
        context.getBean(CommandGateway.class).sendAndWait(new OpenBudget(id, departmentCode, "基准部门" + departmentCode,
                2026, List.of(new BudgetUnit(departmentCode + "001", "基准单位" + departmentCode, UnitType.ADMINISTRATIVE))));
        return id;
    }

    /** A line-item CSV of {@code lines} project lines, distinct by project name. */
    static byte[] csv(int lines, String tag, String budgetId) {
        String unit = budgetId.substring(0, budgetId.indexOf('-')) + "001";
        StringBuilder out = new StringBuilder("序号,单位编码,功能分类编码,支出类型,部门经济分类编码,政府经济分类编码,资金来源,"
                + "当年或上年结转,项目名称,金额（元）,文号,说明\r\n");
        for (int k = 0; k < lines; k++) {
            out.append(k + 1).append(',').append(unit).append(",2010350,项目支出,,,一般公共预算,当年,基准项目").append(tag).append('-')
                    .append(k).append(',').append(new BigDecimal(openingFen(k)).movePointLeft(2).toPlainString())
                    .append(",基准〔2026〕1号,年初预算\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long openingFen(long k) {
        return (1_000_000 + k) * 100;
    }

    TrackingEventProcessor processor() {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(LedgerProcessing.CORE, TrackingEventProcessor.class).orElseThrow();
    }

    long head() {
        TrackingToken head = context.getBean(EventStore.class).createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    void waitFor(long head) throws InterruptedException {
        ReadModelProgress progress = context.getBean(ReadModelProgress.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!progress.reached(head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections did not reach " + head);
            }
            Thread.sleep(20);
        }
    }

    record Stats(double rate, double p50, double p99, List<Double> latencies) {
    }

    /** Runs {@code count} actions on {@code threads} threads; rate per second and latency percentiles in ms. */
    static Stats concurrent(String what, int threads, int count, IntConsumer action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<List<Double>> perThread = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        long t = System.nanoTime();
        for (int th = 0; th < threads; th++) {
            List<Double> mine = new ArrayList<>();
            perThread.add(mine);
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    long s = System.nanoTime();
                    action.accept(i);
                    mine.add((System.nanoTime() - s) / 1e6);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        List<Double> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        Collections.sort(all);
        return new Stats(count / seconds, percentile(all, 50), percentile(all, 99), all);
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    void ratio(int path, String name, double figure, String unit, double baseline, double target) {
        double ratio = figure / baseline;
        String s = String.format(Locale.ROOT, "PATH %d %s: %.0f%s baseline=%.0f%s ratio=%.2f target=%.2f %s", path, name,
                figure, unit, baseline, unit, ratio, target, ratio >= target ? "met" : "short");
        line("FIG " + s);
        summary.add(s);
    }

    void latency(int path, String name, double p50, double p99, double target) {
        String s = String.format(Locale.ROOT, "PATH %d %s: p50=%.2f p99=%.2f target=%.0f %s", path, name, p50, p99,
                target, p99 < target ? "met" : "short");
        line("FIG " + s);
        summary.add(s);
    }

    /**
     * The longest a path's warm-up goes on, and the JIT's share of the machine below which it is warm. 90 s was too
     * short for path 6: on 2026-12-03 (fourth session) its compiler threads fell from 11-12 % to 2.6 % after 79 s and
     * 93 s in two runs (then 903 and 910 requests/s) and had not by 91 s in a third (11.6 %, then 739 requests/s):
     * the figure depended on whether compilation had finished. Path 1 got there in 51-101 s in the same runs.
     */
    static final int WARM_UP_SECONDS = 180;
    static final double WARM_JIT_SHARE = 0.03;

    /**
     * Snapshots at their natural rate. The aggregate takes one every {@code budget-ledger.snapshot-threshold} events.
     * Path 1's budgets, opened together and adjusted at random, all reached it in the same repetition: on 2026-12-06
     * that was the second measured one, after a warm-up of 800 changes a budget that had taken none. That
     * repetition ran at 1,288/s, with the JIT at 0.443 ms and the snapshotter at 0.127 ms of CPU per change; the third
     * ran at 2,589/s. Here budget b of n is first given b/n of a threshold's changes. Every repetition then takes
     * about as many snapshots as any other (one per threshold's changes a budget), and the warm-up takes some.
     */
    void staggerSnapshots(java.util.function.Consumer<String> adjustIn) throws Exception {
        // The application's own setting (application.yml, or --set): the bench sets none of its own.
        int threshold = context.getEnvironment().getRequiredProperty("budget-ledger.snapshot-threshold", Integer.class);
        List<String> ahead = new ArrayList<>();
        for (int b = 0; b < commandBudgetIds.size(); b++) {
            for (long k = (long) b * threshold / commandBudgetIds.size(); k > 0; k--) {
                ahead.add(commandBudgetIds.get(b));
            }
        }
        // Shuffled: in budget order the last budget's changes would come together, eight threads on one aggregate.
        java.util.Collections.shuffle(ahead, new java.util.Random(ahead.size()));
        long t = System.nanoTime();
        concurrent("path1 snapshots staggered", 8, ahead.size(), i -> adjustIn.accept(ahead.get(i)));
        line(String.format(Locale.ROOT, "INFO path1: snapshots staggered, %d changes over %d budgets (budget b of n "
                + "given b/n of %d) in %s s", ahead.size(), commandBudgetIds.size(), threshold,
                seconds(System.nanoTime() - t)));
    }

    /**
     * Runs a path's warm-up repetition until the JIT's compiler threads used under {@value #WARM_JIT_SHARE} of the
     * machine during one (their CPU time over wall time times cores), at least once, and no more once the warm-up has
     * taken {@value #WARM_UP_SECONDS} s, so that a measured repetition times the path's code, not its compilation.
     * Three repetitions at most was too few: on two cores the server's HTTP path kept getting faster for three minutes
     * (wrk against one server, 15 s each: 158, 304, 381, 367, 426, 496, 495, 625, then 807 and 986 requests/s; the
     * compiler threads compete with the work for the cores). The compiler threads' CPU time is read from /proc
     * (Linux): the JVM's CompilationMXBean counts a compilation's elapsed time, which on a busy machine is mostly
     * waiting for a core.
     */
    static void warmUp(String what, java.util.concurrent.Callable<?> repetition) throws Exception {
        warmUp(new String[] {what}, repetition);
    }

    /**
     * As {@link #warmUp(String, java.util.concurrent.Callable)} for paths measured one after the other in the same
     * JVM: their repetitions alternate, round after round, until every one of a round ran with the JIT quiet. Warmed up
     * one after the other, the second (the peer) made call sites the two share (Axon's command bus, aggregates, its
     * JDBC engine) polymorphic, so the first's measured repetition recompiled them: on 2026-12-05 the JIT took 0.082 ms
     * per acknowledged change in it (a fifth of the JVM's CPU per change) after a warm-up that had ended at 2.9 %.
     */
    static void warmUp(String[] what, java.util.concurrent.Callable<?>... repetitions) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < repetitions.length; i++) {
            shares.add(new ArrayList<>());
        }
        long start = System.nanoTime();
        boolean quiet = false;
        while (!quiet && System.nanoTime() - start <= WARM_UP_SECONDS * 1_000_000_000L) {
            quiet = true;
            for (int i = 0; i < repetitions.length; i++) {
                long compiled = compilerCpuMillis();
                long t = System.nanoTime();
                repetitions[i].call();
                double share = (compilerCpuMillis() - compiled) / ((System.nanoTime() - t) / 1e6 * cores);
                shares.get(i).add(String.format(Locale.ROOT, "%.1f%%", 100 * share));
                quiet &= share < WARM_JIT_SHARE;
            }
        }
        for (int i = 0; i < repetitions.length; i++) {
            line(String.format(Locale.ROOT, "INFO %s warm-up: %d repetitions in %.0f s%s, the JIT compiler threads' "
                    + "share of the machine in each: %s", what[i], shares.get(i).size(),
                    (System.nanoTime() - start) / 1e9,
                    repetitions.length > 1 ? " (alternating: " + String.join(", ", what) + ")" : "",
                    String.join(", ", shares.get(i))));
        }
    }

    /** CPU time of this JVM's JIT compiler threads (user and system, at Linux's 100 ticks a second); 0 without /proc. */
    static long compilerCpuMillis() {
        return threadCpuMillis("C1 Compiler", "C2 Compiler");
    }

    /**
     * CPU time of this JVM's live threads whose names begin with one of {@code prefixes} (user and system, at Linux's
     * 100 ticks a second); 0 without /proc. Threads that ended are not counted: use it for threads that live through
     * what is measured (the JIT compiler's, Tomcat's request threads).
     */
    static long threadCpuMillis(String... prefixes) {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    for (String prefix : prefixes) {
                        if (name.startsWith(prefix)) {
                            ticks += CpuTime.ticks(stat);
                            break;
                        }
                    }
                } catch (IOException gone) {
                    // A thread that ended while listed.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return (long) (ticks * CpuTime.MILLIS_PER_TICK);
    }

    static void line(String s) {
        System.out.println(s);
        System.out.flush();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    long count(String sql, Object... args) throws SQLException {
        return Long.parseLong(text(sql, args));
    }

    String text(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
