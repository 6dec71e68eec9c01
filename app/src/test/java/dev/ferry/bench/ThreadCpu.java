package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A process's CPU by group of threads, from Linux's {@code /proc/PID/task}: which part of Ferry spent it (the delivery
 * workers, the HTTP client, the garbage collector, the JIT compiler…), so a benchmark can tell Ferry's own work from
 * what the JVM spends around it. Threads are grouped by name with the digits and their separators dropped (Linux
 * keeps the first 15 characters of a name). Empty where there is no {@code /proc}.
 */
final class ThreadCpu {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

    private ThreadCpu() {
    }

    /** CPU so far of each thread, by thread id: its group and nanoseconds. */
    static Map<String, Sample> sample(long pid) {
        Map<String, Sample> threads = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return threads;
        }
        try (Stream<Path> each = Files.list(tasks)) {
            each.forEach(task -> read(task).ifPresent(sample -> threads.put(task.getFileName().toString(), sample)));
        } catch (IOException | java.io.UncheckedIOException gone) {
            // the process ended: what was read stands
        }
        return threads;
    }

    /** CPU spent by each group between two samples (threads born in between count from zero), largest first. */
    static Map<String, Long> spentBetween(Map<String, Sample> before, Map<String, Sample> after) {
        Map<String, Long> byGroup = new HashMap<>();
        after.forEach((id, now) -> {
            Sample then = before.get(id);
            long spent = now.nanos() - (then == null ? 0 : then.nanos());
            byGroup.merge(now.group(), spent, Long::sum);
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        byGroup.entrySet().stream().filter(group -> group.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(group -> sorted.put(group.getKey(), group.getValue()));
        return sorted;
    }

    record Sample(String group, long nanos) {
    }

    private static java.util.Optional<Sample> read(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // pid (comm) state ...: the name may hold spaces and parentheses, so split after the last ')'
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String name = stat.substring(open + 1, close);
            String[] fields = stat.substring(close + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return java.util.Optional.of(new Sample(group(name), ticks * TICK_NANOS));
        } catch (IOException | RuntimeException gone) {
            return java.util.Optional.empty();
        }
    }

    /** "http-nio-41233-exec-7" → "http-nio-exec", "GC Thread#1" → "GC Thread", "C2 CompilerThre" → "C2 CompilerThre". */
    static String group(String name) {
        String group = name.replaceAll("[-#_ ]\\d+", "").trim();
        return group.isEmpty() ? name : group;
    }
}
