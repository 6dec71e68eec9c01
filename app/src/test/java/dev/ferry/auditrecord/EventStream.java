package dev.ferry.auditrecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client as a SIEM forwarder holds one: the answer's lines, read as they arrive. */
final class EventStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // closed by the test
            }
        }, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static EventStream open(int port, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new EventStream(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(20, TimeUnit.SECONDS));
    }

    /** The next {@code count} events' ids (positions) and data lines, skipping comments; fails after a timeout. */
    List<String[]> events(int count) throws InterruptedException {
        List<String[]> events = new ArrayList<>();
        String id = null;
        while (events.size() < count) {
            String line = next();
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                events.add(new String[] {id, line.substring(5)});
            }
        }
        return events;
    }

    /** Waits for a comment line (a heartbeat), skipping anything else. */
    String comment() throws InterruptedException {
        String line;
        do {
            line = next();
        } while (!line.startsWith(":"));
        return line;
    }

    /** Whether nothing but comments and blank lines arrive within the wait. */
    boolean quietFor(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        String line;
        while ((line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (!line.isBlank() && !line.startsWith(":")) {
                return false;
            }
        }
        return true;
    }

    private String next() throws InterruptedException {
        String line = lines.poll(15, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no line from the stream within 15 s");
        }
        return line;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
