package dev.ferry.simulator.forge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * Sends invocations to a remote the way Forge does (its remote contract): the FIT as a bearer token, the app tokens in
 * their headers, B3 trace headers; a UI call gets 25 s and no retry, an event or scheduled trigger 5 s and up to four
 * retries, where anything but a 2xx (a 3xx too) or no answer in time is a failure.
 */
final class RemoteInvoker {

    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration UI_TIMEOUT = Duration.ofSeconds(25);
    static final Duration PRE_UNINSTALL_TIMEOUT = Duration.ofSeconds(55);
    static final int EVENT_RETRIES = 4;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;
    final List<Invocation> sent = new CopyOnWriteArrayList<>();

    RemoteInvoker(Clock clock) {
        this.clock = clock;
    }

    /**
     * An event or scheduled trigger, POSTed until a 2xx or retries run out.
     *
     * @param bodyForAttempt the body of each attempt (a retry says it is one)
     * @param fitForAttempt  a FIT per attempt: a retry is a new invocation with its own token
     */
    RemoteReply deliver(String url, String endpointKey, IntFunction<String> fitForAttempt, String systemToken,
            IntFunction<String> bodyForAttempt) {
        RemoteReply reply = null;
        for (int attempt = 0; attempt <= EVENT_RETRIES; attempt++) {
            reply = send("POST", url, endpointKey, fitForAttempt.apply(attempt), systemToken, null,
                    bodyForAttempt.apply(attempt), attempt, EVENT_TIMEOUT);
            if (reply.ok()) {
                break;
            }
        }
        return reply;
    }

    /** A {@code preUninstall} call: one POST, 55 s, no retry. */
    RemoteReply once(String url, String endpointKey, String fit, String systemToken, String body) {
        return send("POST", url, endpointKey, fit, systemToken, null, body, 0, PRE_UNINSTALL_TIMEOUT);
    }

    /** A UI module's {@code invokeRemote}: one try, 25 s. */
    RemoteReply call(String method, String url, String endpointKey, String fit, String systemToken, String userToken,
            String body) {
        return send(method, url, endpointKey, fit, systemToken, userToken, body, 0, UI_TIMEOUT);
    }

    private RemoteReply send(String method, String url, String endpointKey, String fit, String systemToken,
            String userToken, String body, int attempt, Duration timeout) {
        String trace = UUID.randomUUID().toString().replace("-", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + fit).header("x-b3-traceid", trace)
                .header("x-b3-spanid", trace.substring(0, 16)).header("Content-Type", "application/json")
                .method(method, body == null || method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (systemToken != null) {
            request.header("x-forge-oauth-system", systemToken);
        }
        if (userToken != null) {
            request.header("x-forge-oauth-user", userToken);
        }
        int status = 0;
        RemoteReply reply;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            reply = new RemoteReply(status, response.headers().map(), response.body(), attempt + 1);
        } catch (IOException e) {
            reply = new RemoteReply(0, Map.of(), e.toString(), attempt + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = new RemoteReply(0, Map.of(), "interrupted", attempt + 1);
        }
        sent.add(new Invocation(method, url, endpointKey, fit, systemToken, userToken, body, attempt, status, clock.instant()));
        return reply;
    }
}
