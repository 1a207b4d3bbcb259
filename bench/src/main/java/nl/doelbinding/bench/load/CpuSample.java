package nl.doelbinding.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time from {@code /proc} (Linux): the whole machine, the load generator, the target process and
 * everything else this benchmark started (Keycloak), in clock ticks. Differences of two samples give the
 * CPU each used during a phase. On a system without {@code /proc} every figure is zero.
 */
record CpuSample(long machineBusy, long machineTotal, long generator, long target, long keycloak) {
    /** Clock ticks per second; 100 on Linux on x86-64 and arm64. */
    static final double TICKS_PER_SECOND = 100.0;

    static CpuSample take(long targetPid) {
        long[] machine = machine();
        long self = ProcessHandle.current().pid();
        long others = ProcessHandle.current().descendants().mapToLong(ProcessHandle::pid)
                .filter(pid -> pid != targetPid).map(CpuSample::process).sum();
        return new CpuSample(machine[0], machine[1], process(self), targetPid > 0 ? process(targetPid) : 0, others);
    }

    /** CPU seconds and busy fraction between {@code this} and a later sample. */
    Usage until(CpuSample later) {
        long total = later.machineTotal - machineTotal;
        return new Usage(total == 0 ? 0 : (double) (later.machineBusy - machineBusy) / total,
                (later.machineBusy - machineBusy) / TICKS_PER_SECOND, (later.generator - generator) / TICKS_PER_SECOND, (later.target - target) / TICKS_PER_SECOND,
                (later.keycloak - keycloak) / TICKS_PER_SECOND);
    }

    /**
     * @param machineBusy fraction of all cores' time not idle (1.0 = every core busy all the time)
     * @param busySeconds CPU seconds used on the whole machine, by any process
     * @param generator   CPU seconds used by the load generator (this JVM)
     * @param target      CPU seconds used by the measured process
     * @param keycloak    CPU seconds used by the other processes this benchmark started (Keycloak)
     */
    record Usage(double machineBusy, double busySeconds, double generator, double target, double keycloak) {
        /** CPU seconds used by processes this benchmark did not start (other work on the machine). */
        double others() {
            return Math.max(0, busySeconds - generator - target - keycloak);
        }
    }

    /** The 1-minute load average, or -1. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long process(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU ticks per kind of thread of a process (Linux thread names with digits folded: {@code qtpN-N} for
     * Jetty's pool, {@code C2 CompilerThreN} for the JIT, {@code GC Thread#N} ...), so a phase can say where
     * the target's CPU went: request threads, JIT compilation or garbage collection.
     */
    static Map<String, Long> threads(long pid) {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "N");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process ended
        }
        return ticks;
    }

    /** CPU seconds per kind of thread between two {@link #threads} samples; kinds that used none are left out. */
    static Map<String, Double> spent(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> spent = new TreeMap<>();
        after.forEach((name, ticks) -> {
            double seconds = (ticks - before.getOrDefault(name, 0L)) / TICKS_PER_SECOND;
            if (seconds > 0) {
                spent.put(name, seconds);
            }
        });
        return spent;
    }

    static List<String> describeMachine() {
        String model = "unknown";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(model);
        } catch (IOException e) {
            // not Linux
        }
        return List.of("cores " + Runtime.getRuntime().availableProcessors(), "cpu " + model);
    }
}
