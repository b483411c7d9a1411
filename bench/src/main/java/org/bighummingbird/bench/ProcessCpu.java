package org.bighummingbird.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of processes, from {@code /proc/<pid>/stat} (Linux), so that a harness
 * can say where the cores went: the client, the server JVM, the PostgreSQL backends.
 */
final class ProcessCpu {
    /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux the JDK supports. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {}

    /** CPU time of process {@code pid} so far, or {@link Duration#ZERO} once it has gone. */
    static Duration of(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? Duration.ZERO : duration(ticks(stat));
    }

    /**
     * CPU time so far of the processes whose command name is {@code comm} (for instance
     * {@code postgres}), split by whether their command line contains {@code marker} (a database's
     * name: PostgreSQL shows it in its backends' titles). Processes that ended in between are not
     * counted, so compare snapshots taken while the same connections are open.
     *
     * @return {@code [with the marker, without it]}
     */
    static Duration[] ofCommand(String comm, String marker) {
        long[] ticks = new long[2];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat = read(proc.resolve("stat"));
                if (stat != null && stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals(comm)) {
                    String cmdline = read(proc.resolve("cmdline"));
                    ticks[cmdline != null && cmdline.contains(marker) ? 0 : 1] += ticks(stat);
                }
            }
        } catch (IOException e) {
            return new Duration[] {Duration.ZERO, Duration.ZERO};
        }
        return new Duration[] {duration(ticks[0]), duration(ticks[1])};
    }

    /** utime + stime: fields 14 and 15, counted after the command name, which may hold spaces. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static Duration duration(long ticks) {
        return Duration.ofMillis(ticks * 1_000 / TICKS_PER_SECOND);
    }

    private static String read(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException e) {
            return null;
        }
    }
}
