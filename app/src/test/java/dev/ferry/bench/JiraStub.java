package dev.ferry.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jira site that answers the calls of a ticket delivery from canned JSON, after a fixed latency: no
 * authentication check, no ADF or OpenAPI check, no data kept but the summaries it was sent (to find duplicate
 * tickets). The benchmark's {@code --stub} mode points the linked sites at it, so that the simulator's own cost per
 * call (a few milliseconds of CPU) does not set the ceiling of what is measured. Any other call is answered 404 and
 * counted, and the benchmark names it: a delivery that needs it would fail here.
 */
final class JiraStub implements AutoCloseable {

    private static final Pattern SUMMARY = Pattern.compile("\"summary\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ISSUE = Pattern.compile("/rest/api/3/issue/([^/]+)");
    private static final Pattern COMMENT = Pattern.compile("/rest/api/3/issue/[^/]+/comment");
    private static final Pattern PROPERTY = Pattern.compile("/rest/api/3/issue/[^/]+/properties/[^/]+");
    private static final Pattern REMOTE_LINK = Pattern.compile("/rest/api/3/issue/[^/]+/remotelink");

    private final HttpServer server;
    private final Duration latency;
    private final AtomicLong ids = new AtomicLong(10_000);
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong comments = new AtomicLong();
    private final Map<String, Integer> summaries = new ConcurrentHashMap<>();
    private final Set<String> unexpected = ConcurrentHashMap.newKeySet();

    JiraStub(Duration latency, ExecutorService threads) throws IOException {
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long calls() {
        return calls.get();
    }

    /** Tickets and comments filed: the deliveries done. */
    long deliveries() {
        return tickets.get() + comments.get();
    }

    long tickets() {
        return tickets.get();
    }

    long comments() {
        return comments.get();
    }

    long duplicates() {
        return summaries.values().stream().mapToLong(count -> count - 1).sum();
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = read(exchange.getRequestBody());
            calls.incrementAndGet();
            sleep();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("POST") && path.equals("/rest/api/3/issue")) {
                Matcher summary = SUMMARY.matcher(body);
                summaries.merge(summary.find() ? summary.group(1) : "", 1, Integer::sum);
                long id = ids.incrementAndGet();
                tickets.incrementAndGet();
                send(exchange, 201, "{\"id\":\"" + id + "\",\"key\":\"FERRY-" + id + "\",\"self\":\"" + baseUrl()
                        + "/rest/api/3/issue/" + id + "\"}");
            } else if (method.equals("POST") && COMMENT.matcher(path).matches()) {
                comments.incrementAndGet();
                send(exchange, 201, "{\"id\":\"" + ids.incrementAndGet() + "\"}");
            } else if (method.equals("GET") && COMMENT.matcher(path).matches()) {
                send(exchange, 200, "{\"startAt\":0,\"maxResults\":50,\"total\":0,\"comments\":[]}");
            } else if (method.equals("PUT") && PROPERTY.matcher(path).matches()) {
                send(exchange, 200, "");
            } else if (method.equals("POST") && REMOTE_LINK.matcher(path).matches()) {
                send(exchange, 200, "{\"id\":" + ids.incrementAndGet() + "}");
            } else if (method.equals("POST") && path.equals("/rest/api/3/search/jql")) {
                send(exchange, 200, "{\"issues\":[]}");
            } else if (method.equals("GET") && ISSUE.matcher(path).matches()) {
                Matcher issue = ISSUE.matcher(path);
                issue.matches();
                String key = issue.group(1);
                String id = key.startsWith("FERRY-") ? key.substring("FERRY-".length()) : key;
                send(exchange, 200, "{\"id\":\"" + id + "\",\"key\":\"FERRY-" + id + "\",\"fields\":{\"status\":"
                        + "{\"id\":\"10000\",\"name\":\"To Do\",\"statusCategory\":{\"id\":2,\"key\":\"new\",\"name\":\"To Do\"}}}}");
            } else {
                unexpected.add(method + " " + path);
                send(exchange, 404, "{\"errorMessages\":[\"the benchmark's stub does not answer this\"],\"errors\":{}}");
            }
        }
    }

    private void sleep() {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
