package budgetledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time used by this JVM and by every PostgreSQL process on the machine (user and system, from /proc, at Linux's
 * 100 ticks a second), to put what a change costs beside how fast it went. On two cores shared with other work a
 * rate moves by a third between runs of the same code (issue 18); the CPU a change takes moves less, so it is what an
 * A/B of a design change compares. PostgreSQL's time is counted per process: a process that started in between counts
 * from zero, one that ended in between is not counted (the pool's connections live through a path; short-lived
 * workers such as autovacuum's may be missed). Linux only: without /proc, or with the database on another machine,
 * the figure says so instead of printing zeros.
 */
record CpuTime(long jvmTicks, Map<String, Long> postgresTicks) {

    static final double MILLIS_PER_TICK = 10;

    static CpuTime take() {
        long jvm = ticks(Path.of("/proc/self/stat"));
        Map<String, Long> postgres = new HashMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                        postgres.put(name, ticks(process.resolve("stat")));
                    }
                } catch (IOException gone) {
                    // A process that ended while listed.
                }
            }
        } catch (IOException noProc) {
            return new CpuTime(-1, Map.of());
        }
        return new CpuTime(jvm, postgres);
    }

    /** "CPU per change: JVM 0.330 ms, PostgreSQL 0.620 ms" over {@code count} operations since {@code before}. */
    String since(CpuTime before, int count, String per) {
        if (jvmTicks < 0 || before.jvmTicks < 0) {
            return "CPU per " + per + ": not measured (no /proc)";
        }
        String jvm = String.format(Locale.ROOT, "JVM %.3f ms", (jvmTicks - before.jvmTicks) * MILLIS_PER_TICK / count);
        if (postgresTicks.isEmpty() || before.postgresTicks.isEmpty()) {
            return "CPU per " + per + ": " + jvm + ", PostgreSQL not measured (not on this machine)";
        }
        long postgres = 0;
        for (Map.Entry<String, Long> process : postgresTicks.entrySet()) {
            // A pid seen before with more ticks than now was reused by a new process: count it from zero.
            long earlier = before.postgresTicks.getOrDefault(process.getKey(), 0L);
            postgres += process.getValue() >= earlier ? process.getValue() - earlier : process.getValue();
        }
        return "CPU per " + per + ": " + jvm + String.format(Locale.ROOT, ", PostgreSQL %.3f ms",
                postgres * MILLIS_PER_TICK / count);
    }

    /** User and system ticks of a process or thread, from its /proc stat file; 0 when it is gone. */
    static long ticks(Path stat) {
        try {
            return ticks(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** User and system ticks in the text of a /proc stat file (fields 14 and 15; the name may hold spaces). */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
