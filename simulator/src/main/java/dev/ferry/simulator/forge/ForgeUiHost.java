package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ferry.simulator.Endpoint;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jira's host of a Forge Custom UI module: {@code GET /forge-ui/{moduleKey}?issueKey=..&accountId=..} is the page
 * Jira shows, framing the module's built resource under {@code /forge-ui-frame/{viewId}/}. The frame gets
 * {@code window.__bridge} before any of its scripts, as Forge's host provides it: {@code @forge/bridge} calls
 * {@code callBridge('invoke', {path, method, body, invokeType})} for {@code invokeRemote}, answered by the simulator
 * minting a FIT for the page's user and issue and calling the remote, and {@code callBridge('getContext')}.
 */
public final class ForgeUiHost extends Endpoint {

    public static final String NAME = "ferry-forge-ui";
    public static final String PAGE_PREFIX = "/forge-ui/";
    public static final String FRAME_PREFIX = "/forge-ui-frame/";
    static final String INVOKE = "__invoke";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ForgePlatform platform;
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private volatile Path descriptors;

    ForgeUiHost(ForgePlatform platform) {
        super(NAME);
        this.platform = platform;
    }

    void serveResources(Path descriptorsDir) {
        this.descriptors = descriptorsDir.toAbsolutePath().normalize();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        String path = pathOf(url);
        try {
            if (path.startsWith(PAGE_PREFIX)) {
                return page(decode(path.substring(PAGE_PREFIX.length())), query(queryOf(url)));
            }
            String[] rest = path.substring(FRAME_PREFIX.length()).split("/", 2);
            View view = views.get(rest[0]);
            if (view == null || rest.length < 2) {
                return text(404, "No Forge UI view at " + path);
            }
            if (rest[1].equals(INVOKE) && event.getRequest().getMethod().getName().equals("POST")) {
                return invoke(view, event.getRequest().getBodyAsString());
            }
            return resource(rest[0], view, decode(rest[1]));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return text(404, e.getMessage());
        }
    }

    private ResponseDefinition page(String moduleKey, Map<String, String> query) {
        ForgeManifest.UiModule module = platform.uiModule(moduleKey);
        String accountId = query.getOrDefault("accountId", dev.ferry.simulator.rest.Users.ADMIN_ACCOUNT_ID);
        String issueKey = query.get("issueKey");
        IssueRef issue = issueKey == null || issueKey.isEmpty() ? null
                : IssueRef.of(platform.site().data(), issueKey, platform.site().siteUrl());
        String viewId = UUID.randomUUID().toString();
        views.put(viewId, new View(module, accountId, issue));
        return html(ForgeUiPages.host(module, viewId, issue));
    }

    private ResponseDefinition resource(String viewId, View view, String file) {
        if (descriptors == null || view.module().resource() == null) {
            return text(404, "The simulator serves no Forge resources (forge().serveResources(..) was not called)");
        }
        String resourcePath = platform.installed().manifest().resources().get(view.module().resource());
        if (resourcePath == null) {
            return text(404, "The manifest has no resource " + view.module().resource());
        }
        Path root = descriptors.resolve(resourcePath).normalize();
        Path target = root.resolve(file.isEmpty() ? "index.html" : file).normalize();
        if (!target.startsWith(root) || !Files.isRegularFile(target)) {
            return text(404, "No file " + file + " in the resource " + view.module().resource());
        }
        try {
            byte[] bytes = Files.readAllBytes(target);
            if (target.toString().endsWith(".html")) {
                String page = ForgeUiPages.withBridge(new String(bytes, StandardCharsets.UTF_8), bridgeContext(view),
                        FRAME_PREFIX + viewId + "/" + INVOKE);
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                        .withHeader("Content-Type", "text/html;charset=UTF-8").withBody(page).build();
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", contentType(target.toString())).withBody(bytes).build();
        } catch (IOException e) {
            return text(500, "Cannot read " + target);
        }
    }

    /** The page's {@code invokeRemote}: a FIT for the page's user and issue, the remote's answer as the bridge gives it. */
    private ResponseDefinition invoke(View view, String requestBody) {
        JsonNode request;
        try {
            request = JSON.readTree(requestBody == null || requestBody.isEmpty() ? "{}" : requestBody);
        } catch (IOException e) {
            return text(400, "The bridge sent no JSON");
        }
        String method = request.path("method").asText("GET");
        JsonNode body = request.get("body");
        String bodyText = body == null || body.isNull() ? null : body.isTextual() ? body.asText() : body.toString();
        RemoteReply reply = platform.invokeRemote(view.module().key(), method, request.path("path").asText("/"),
                view.accountId(), view.issue() == null ? null : view.issue().key(), bodyText);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("success", reply.ok());
        ObjectNode response = answer.putObject(reply.ok() ? "payload" : "error");
        response.put("status", reply.status());
        ObjectNode headers = response.putObject("headers");
        // Header names lower-cased, as a fetch Response's Headers give them.
        reply.headers().forEach((name, values) -> values.forEach(value -> headers.withArray(name.toLowerCase()).add(value)));
        if (reply.body() != null && !reply.body().isEmpty()) {
            try {
                response.set("body", JSON.readTree(reply.body()));
            } catch (IOException notJson) {
                response.put("body", reply.body());
            }
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(answer.toString()).build();
    }

    /** What {@code view.getContext()} answers in the frame. */
    private ObjectNode bridgeContext(View view) {
        ForgeInstallation installation = platform.installed();
        ObjectNode context = JSON.createObjectNode();
        context.put("accountId", view.accountId());
        context.put("cloudId", installation.cloudId());
        context.put("siteUrl", installation.siteUrl());
        context.put("moduleKey", view.module().key());
        context.put("localId", view.module().key());
        context.put("environmentId", installation.environmentId());
        context.put("environmentType", "DEVELOPMENT");
        context.put("locale", "en-US");
        context.put("timezone", "Etc/UTC");
        ObjectNode extension = context.putObject("extension");
        extension.put("type", view.module().type());
        if (view.issue() != null) {
            extension.putObject("issue").put("id", view.issue().id()).put("key", view.issue().key())
                    .put("type", view.issue().type());
            extension.putObject("project").put("id", view.issue().projectId()).put("key", view.issue().projectKey())
                    .put("type", view.issue().projectType());
        }
        return context;
    }

    private static String contentType(String name) {
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            return "text/javascript;charset=UTF-8";
        }
        if (name.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return name.endsWith(".json") || name.endsWith(".map") ? "application/json" : "application/octet-stream";
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new ConcurrentHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static ResponseDefinition html(String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "text/html;charset=UTF-8").withHeader("Cache-Control", "no-store")
                .withBody(body).build();
    }

    private static ResponseDefinition text(int status, String message) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/plain;charset=UTF-8").withBody(message + "\n").build();
    }

    /** One opened module: who opened it, on which issue. The frame names it by id, never by user. */
    private record View(ForgeManifest.UiModule module, String accountId, IssueRef issue) {
    }
}
