package dev.ferry.simulator.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a class of the simulator in its own JVM, as a person runs the demo, and watches the processes it leaves. */
final class DemoProcesses {

    private DemoProcesses() {
    }

    static Process start(Path workDir, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).start();
    }

    /** What a finished run printed, and its exit code; a run that does not end within a minute fails. */
    record Run(int exitCode, String stdout, String stderr) {

        static Run of(Process process) throws Exception {
            var out = process.getInputStream();
            var err = process.getErrorStream();
            var stdout = CompletableFuture.supplyAsync(() -> read(out));
            String stderr = read(err);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the demo did not end within a minute; stderr: " + stderr);
            }
            return new Run(process.exitValue(), stdout.get(), stderr);
        }
    }

    /** Reads lines until one equals {@code expected}; fails when the stream ends first. */
    static void awaitLine(Process process, String expected) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.equals(expected)) {
                return;
            }
        }
        throw new AssertionError("the process ended before printing: " + expected + "; stderr: "
                + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Whether a process is gone within the timeout. A zombie counts as gone: it has exited, and here (in a
     * container whose init reaps nothing) an orphan's zombie may stay until the machine stops.
     */
    static boolean goneWithin(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (gone(pid)) {
                return true;
            }
            Thread.sleep(100);
        }
        return gone(pid);
    }

    static boolean gone(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return zombie(pid);
        }
        return true;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException noProcFile) {
            return false;
        }
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
