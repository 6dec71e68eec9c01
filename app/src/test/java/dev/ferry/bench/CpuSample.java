package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far, read from Linux's {@code /proc}, for a benchmark to say who used the two cores: Ferry, the
 * load generator (wrk, a child of this JVM: counted once it has exited), PostgreSQL (every {@code postgres} process
 * of the server, other users' too), this JVM itself, and the whole machine (everything else running counts there).
 * Seconds of CPU, not shares: divided by the wall time between two samples they give cores.
 */
record CpuSample(long nanos, double ferry, double children, double postgres, double self, double machine) {

    /** Linux's {@code USER_HZ}: {@code /proc} counts CPU time in hundredths of a second on every mainstream kernel. */
    private static final double TICKS = 100.0;

    static CpuSample take(long ferryPid) {
        double[] own = times(Path.of("/proc/self/stat"));
        return new CpuSample(System.nanoTime(), sum(times(Path.of("/proc/" + ferryPid + "/stat")), 0, 2), sum(own, 2, 4),
                postgresTime(), sum(own, 0, 2), machineTime());
    }

    CpuSample minus(CpuSample earlier) {
        return new CpuSample(nanos - earlier.nanos, ferry - earlier.ferry, children - earlier.children,
                postgres - earlier.postgres, self - earlier.self, machine - earlier.machine);
    }

    double seconds() {
        return nanos / 1e9;
    }

    /** The lines a report prints for the span this sample covers (a {@link #minus difference}). */
    String describe(long webhooks, boolean postgresRun) {
        double wall = seconds();
        double other = machine - ferry - children - self - (postgresRun ? postgres : 0);
        StringBuilder text = new StringBuilder();
        text.append(String.format("CPU over %.1f s of wall time (cores busy on average; the machine has %d):%n", wall,
                Runtime.getRuntime().availableProcessors()));
        text.append(String.format("  Ferry          %6.2f cores  %7.1f s%n", ferry / wall, ferry));
        text.append(String.format("  wrk            %6.2f cores  %7.1f s%n", children / wall, children));
        if (postgresRun) {
            text.append(String.format("  PostgreSQL     %6.2f cores  %7.1f s (every postgres process on the server)%n",
                    postgres / wall, postgres));
        }
        text.append(String.format("  benchmark JVM  %6.2f cores  %7.1f s%n", self / wall, self));
        text.append(String.format("  anything else  %6.2f cores  %7.1f s (other processes on the machine)%n", other / wall,
                other));
        text.append(String.format("  machine        %6.2f cores  %7.1f s%n", machine / wall, machine));
        if (webhooks > 0) {
            text.append(String.format("Ferry's CPU per webhook: %.1f µs (%d webhooks)%n", ferry * 1e6 / webhooks, webhooks));
        }
        return text.toString();
    }

    /**
     * What held a run below {@code rate}: the cores the rate needs at this span's cost per webhook (Ferry's, wrk's, and
     * PostgreSQL's when it ran) against the machine's. Needing more than the machine has, the machine is the limit,
     * whatever Ferry does with the cores it gets; needing fewer, Ferry left cores idle and is the limit itself.
     */
    String limit(long webhooks, int rate, boolean postgresRun) {
        double perWebhook = (ferry + children + (postgresRun ? postgres : 0)) / webhooks;
        double needed = perWebhook * rate;
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("at %d/s this run's cost (%.0f µs of CPU per webhook: Ferry %.0f, wrk %.0f%s) needs %.2f "
                + "cores; the machine has %d%nlimited by: %s%n", rate, perWebhook * 1e6, ferry * 1e6 / webhooks,
                children * 1e6 / webhooks, postgresRun ? String.format(", PostgreSQL %.0f", postgres * 1e6 / webhooks) : "",
                needed, cores, needed > cores ? "the machine (the rate costs more CPU than it has)" + idle(cores)
                        : "Ferry (the rate fits the machine's cores; see what kept them idle)");
    }

    /** Cores left idle say that something besides the CPU (a lock, a disk, one thread) held the run lower still. */
    private String idle(int cores) {
        double idle = cores - machine / seconds();
        return idle < 0.1 * cores ? "" : String.format("; besides, %.2f cores stayed idle: something other than the CPU "
                + "held this run lower still", idle);
    }

    /** utime, stime, cutime, cstime of a {@code /proc/PID/stat}, in seconds; zeros once the process is gone. */
    private static double[] times(Path stat) {
        try {
            String line = Files.readString(stat);
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            double[] times = new double[4];
            for (int i = 0; i < 4; i++) {
                times[i] = Long.parseLong(fields[11 + i]) / TICKS;
            }
            return times;
        } catch (IOException | RuntimeException gone) {
            return new double[4];
        }
    }

    private static double sum(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    private static double postgresTime() {
        double sum = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                        sum += sum(times(process.resolve("stat")), 0, 2);
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException unreadable) {
            return 0;
        }
        return sum;
    }

    /** Busy time of all cores: every field of the {@code cpu} line but idle and iowait. */
    private static double machineTime() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
