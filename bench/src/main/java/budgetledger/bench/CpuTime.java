package budgetledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time used by this JVM and by every PostgreSQL process on the machine (user and system, from /proc, at Linux's
 * 100 ticks a second), to put what a change costs beside how fast it went. On two cores shared with other work a
 * rate moves by a third between runs of the same code (issue 18); the CPU a change takes moves much less, so it is
 * what an A/B of a design change compares. Linux only: without /proc, or with the database on another machine, the
 * figure says so instead of printing zeros.
 */
record CpuTime(long jvmTicks, long postgresTicks, boolean postgresSeen) {

    static final double MILLIS_PER_TICK = 10;

    static CpuTime take() {
        long jvm = ticks(Path.of("/proc/self/stat"));
        long postgres = 0;
        boolean seen = false;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                        postgres += ticks(process.resolve("stat"));
                        seen = true;
                    }
                } catch (IOException gone) {
                    // A process that ended while listed.
                }
            }
        } catch (IOException noProc) {
            return new CpuTime(-1, -1, false);
        }
        return new CpuTime(jvm, postgres, seen);
    }

    /** "CPU per change: JVM 0.33 ms, PostgreSQL 0.62 ms" over {@code count} operations since {@code before}. */
    String since(CpuTime before, int count, String per) {
        if (jvmTicks < 0 || before.jvmTicks < 0) {
            return "CPU per " + per + ": not measured (no /proc)";
        }
        String jvm = String.format(Locale.ROOT, "JVM %.3f ms", (jvmTicks - before.jvmTicks) * MILLIS_PER_TICK / count);
        if (!postgresSeen || !before.postgresSeen) {
            return "CPU per " + per + ": " + jvm + ", PostgreSQL not measured (not on this machine)";
        }
        return "CPU per " + per + ": " + jvm + String.format(Locale.ROOT, ", PostgreSQL %.3f ms",
                (postgresTicks - before.postgresTicks) * MILLIS_PER_TICK / count);
    }

    private static long ticks(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
