package dev.ferry.jira;

import dev.ferry.connect.OutboundTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call Ferry makes to a Jira site, as the app (Connect JWT). Each call goes through one
 * {@link #exchange} that signs the exact request and maps Jira's errors to {@link JiraException}.
 */
@Component
public class JiraClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboundTokens tokens;
    private final HttpClient http;
    private final JiraProperties properties;

    JiraClient(OutboundTokens tokens, JiraProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code PUT /rest/api/3/issue/{issue}/properties/{key}}: the glance badge, delivery markers. */
    public void setIssueProperty(JiraSite site, String issueIdOrKey, String propertyKey, Object value) {
        URI uri = uri(site, "/rest/api/3/issue/{issue}/properties/{key}", issueIdOrKey, propertyKey);
        exchange(site, "PUT", uri, JSON.writeValueAsString(value));
    }

    /** {@code GET /rest/api/3/issue/{issue}?fields=status}. */
    public JiraIssue getIssueStatus(JiraSite site, String issueIdOrKey) {
        URI uri = UriComponentsBuilder.fromUri(site.baseUrl()).path("/rest/api/3/issue/{issue}")
                .queryParam("fields", "status").buildAndExpand(issueIdOrKey).encode().toUri();
        JsonNode issue = JSON.readTree(exchange(site, "GET", uri, null));
        JsonNode status = issue.path("fields").path("status");
        return new JiraIssue(issue.path("id").asString(), issue.path("key").asString(),
                status.path("name").asString(null), status.path("statusCategory").path("key").asString(null));
    }

    /** {@code POST /rest/api/3/issue} with the draft's properties set atomically. */
    public CreatedIssue createIssue(JiraSite site, IssueDraft draft) {
        throw new UnsupportedOperationException("pending");
    }

    /** {@code POST /rest/api/3/issue/{issue}/comment}; returns the comment id. */
    public String addComment(JiraSite site, String issueIdOrKey, JsonNode adfBody) {
        throw new UnsupportedOperationException("pending");
    }

    /** {@code POST /rest/api/3/issue/{issue}/remotelink}: the same globalId updates. */
    public void putRemoteLink(JiraSite site, String issueIdOrKey, RemoteLink link) {
        throw new UnsupportedOperationException("pending");
    }

    /** Issues of a project whose property {@code propertyKey} has {@code path} = {@code value} (search/jql). */
    public java.util.List<JiraIssue> findByProperty(JiraSite site, String projectKey, String propertyKey, String path,
            String value) {
        throw new UnsupportedOperationException("pending");
    }

    /** The current status of each issue still there, by id, ≤ 100 ids per search call; a missing id is gone. */
    public java.util.List<JiraIssue> statuses(JiraSite site, java.util.Collection<String> issueIds) {
        throw new UnsupportedOperationException("pending");
    }

    /** {@code GET /rest/api/3/issue/createmeta/{project}/issuetypes}, every page. */
    public java.util.List<IssueType> issueTypes(JiraSite site, String projectKey) {
        throw new UnsupportedOperationException("pending");
    }

    /** {@code DELETE /rest/api/3/issue/{issue}}. */
    public void deleteIssue(JiraSite site, String issueIdOrKey) {
        throw new UnsupportedOperationException("pending");
    }

    private static URI uri(JiraSite site, String path, Object... variables) {
        return UriComponentsBuilder.fromUri(site.baseUrl()).path(path).buildAndExpand(variables).encode().toUri();
    }

    private String exchange(JiraSite site, String method, URI uri, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.readTimeout())
                .header("Authorization", "JWT " + tokens.sign(method, uri, site.baseUrl(), site.sharedSecret()))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw JiraErrors.from(method, uri, response);
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new JiraException(JiraException.Kind.UNAVAILABLE, 0,
                    request.method() + " " + request.uri().getPath() + " failed: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

}
