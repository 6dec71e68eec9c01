package dev.ferry.jira;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What activity ingest reads from Jira, through the bulk endpoints made for it (PROTOCOL §9): the enhanced
 * search, the bulk changelog fetch, an issue's comments (only when the search's comment field held fewer than
 * the issue has), the worklog change feeds and worklogs by id. Each answer is parsed once into small records
 * holding only what the streams use. Through {@link JiraCalls}, like {@link JiraFieldChoices}.
 */
@Component
public class JiraActivityReads {

    /** The fields a search asks for: what an issue activity needs, and the comments Jira shows with it. */
    static final List<String> SEARCH_FIELDS = List.of("summary", "project", "created", "updated", "reporter", "status",
            "comment");
    /** Jira's caps: changelog bulkfetch 1,000 issues and 10,000 entries a page; worklog/list and feeds 1,000. */
    public static final int MAX_CHANGELOG_ISSUES = 1000;
    public static final int MAX_CHANGELOG_RESULTS = 10_000;
    public static final int MAX_WORKLOG_IDS = 1000;
    /** Ids per {@code id in (...)} search for keys. */
    static final int MAX_KEYS_PER_SEARCH = 1000;
    /** issue/bulkfetch takes at most 100 ids. */
    static final int MAX_BULK_ISSUES = 100;
    /** Jira writes milliseconds always; an ISO instant without them (seconds on the dot) is taken too. */
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX]");

    private final JiraCalls calls;

    JiraActivityReads(JiraCalls calls) {
        this.calls = calls;
    }

    /** A person as an activity names them. */
    public record Person(String accountId, String displayName) {
    }

    public record Comment(String id, Person author, Person updateAuthor, Instant created, Instant updated) {
    }

    /**
     * An issue as the search shows it.
     *
     * @param comments     the comments the search's comment field carried (the first ones)
     * @param commentTotal how many the issue has: more than {@code comments.size()} means read the rest with {@link #comments}
     * @param done         whether its status is in the done category now
     */
    public record Issue(String id, String key, String projectKey, String summary, Instant created, Instant updated,
            Person reporter, boolean done, List<Comment> comments, int commentTotal) {
    }

    public record SearchPage(List<Issue> issues, String nextPageToken) {
    }

    /** One changed field; the texts are Jira's {@code fromString}/{@code toString}. */
    public record ChangeItem(String field, String fieldId, String from, String fromText, String to, String toText) {
    }

    public record ChangeEntry(String issueId, String id, Person author, Instant created, List<ChangeItem> items) {
    }

    public record ChangelogPage(List<ChangeEntry> entries, String nextPageToken) {
    }

    public record CommentPage(List<Comment> comments, int startAt, int total) {
    }

    public record WorklogChange(String worklogId, long updatedTime) {
    }

    /** A page of worklog/updated or worklog/deleted; {@code nextSince} is the {@code since} of the next page, when there is one. */
    public record WorklogChanges(List<WorklogChange> values, boolean lastPage, Long nextSince, long until) {
    }

    public record Worklog(String id, String issueId, Person author, Person updateAuthor, Instant started,
            int timeSpentSeconds, Instant created, Instant updated) {
    }

    public record IssueRef(String id, String key, String projectKey, String summary) {
    }

    /** One page of {@code POST /rest/api/3/search/jql}; {@code nextPageToken} null for the first page. */
    public SearchPage search(JiraSite site, String jql, int maxResults, String nextPageToken) {
        JsonNode page = searchJql(site, jql, maxResults, SEARCH_FIELDS, nextPageToken);
        List<Issue> issues = new ArrayList<>(page.path("issues").size());
        for (JsonNode issue : page.path("issues")) {
            JsonNode f = issue.path("fields");
            JsonNode comment = f.path("comment");
            List<Comment> comments = comments(comment.path("comments"));
            issues.add(new Issue(issue.path("id").asString(), issue.path("key").asString(),
                    f.path("project").path("key").asString(null), f.path("summary").asString(null),
                    time(f.path("created")), time(f.path("updated")), person(f.path("reporter")),
                    "done".equals(f.path("status").path("statusCategory").path("key").asString(null)), comments,
                    comment.path("total").asInt(comments.size())));
        }
        return new SearchPage(issues, text(page.path("nextPageToken")));
    }

    /** One page of {@code POST /rest/api/3/changelog/bulkfetch} for up to 1,000 issues, entries oldest first per issue. */
    public ChangelogPage changelogs(JiraSite site, Collection<String> issueIds, int maxResults, String nextPageToken) {
        ObjectNode body = IssueBodies.JSON.createObjectNode();
        ArrayNode ids = body.putArray("issueIdsOrKeys");
        issueIds.forEach(ids::add);
        body.put("maxResults", Math.max(1, Math.min(maxResults, MAX_CHANGELOG_RESULTS)));
        if (nextPageToken != null) {
            body.put("nextPageToken", nextPageToken);
        }
        JsonNode page = post(site, "/rest/api/3/changelog/bulkfetch", body);
        List<ChangeEntry> entries = new ArrayList<>();
        for (JsonNode log : page.path("issueChangeLogs")) {
            String issueId = log.path("issueId").asString();
            for (JsonNode history : log.path("changeHistories")) {
                List<ChangeItem> items = new ArrayList<>(history.path("items").size());
                for (JsonNode item : history.path("items")) {
                    items.add(new ChangeItem(item.path("field").asString(null), text(item.path("fieldId")),
                            text(item.path("from")), text(item.path("fromString")), text(item.path("to")),
                            text(item.path("toString"))));
                }
                entries.add(new ChangeEntry(issueId, history.path("id").asString(), person(history.path("author")),
                        time(history.path("created")), items));
            }
        }
        return new ChangelogPage(entries, text(page.path("nextPageToken")));
    }

    /** A page of an issue's comments, oldest first: {@code GET /rest/api/3/issue/{id}/comment}. */
    public CommentPage comments(JiraSite site, String issueId, int startAt, int maxResults) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/issue/{id}/comment")
                .queryParam("startAt", startAt).queryParam("maxResults", maxResults).queryParam("orderBy", "created")
                .encode().buildAndExpand(issueId).toUri();
        JsonNode page = calls.json(site, JiraRequest.get(uri));
        return new CommentPage(comments(page.path("comments")), page.path("startAt").asInt(startAt),
                page.path("total").asInt(0));
    }

    /** {@code GET /rest/api/3/worklog/updated?since=}: ids of worklogs changed since, oldest first (not the last minute). */
    public WorklogChanges updatedWorklogs(JiraSite site, long since) {
        return worklogChanges(site, "/rest/api/3/worklog/updated", since);
    }

    /** {@code GET /rest/api/3/worklog/deleted?since=}: ids of worklogs deleted since. */
    public WorklogChanges deletedWorklogs(JiraSite site, long since) {
        return worklogChanges(site, "/rest/api/3/worklog/deleted", since);
    }

    /** {@code POST /rest/api/3/worklog/list} for up to 1,000 ids. */
    public List<Worklog> worklogs(JiraSite site, Collection<String> worklogIds) {
        if (worklogIds.size() > MAX_WORKLOG_IDS) {
            throw new IllegalArgumentException("worklog/list takes at most 1000 ids, not " + worklogIds.size());
        }
        ObjectNode body = IssueBodies.JSON.createObjectNode();
        ArrayNode ids = body.putArray("ids");
        worklogIds.forEach(id -> ids.add(Long.parseLong(id)));
        List<Worklog> worklogs = new ArrayList<>(worklogIds.size());
        for (JsonNode w : post(site, "/rest/api/3/worklog/list", body)) {
            worklogs.add(new Worklog(w.path("id").asString(), w.path("issueId").asString(), person(w.path("author")),
                    person(w.path("updateAuthor")), time(w.path("started")), w.path("timeSpentSeconds").asInt(0),
                    time(w.path("created")), time(w.path("updated"))));
        }
        return worklogs;
    }

    /** Keys, projects and summaries of issues by id, 100 per {@code POST /rest/api/3/issue/bulkfetch}; missing ones left out. */
    public Map<String, IssueRef> issues(JiraSite site, Collection<String> issueIds) {
        Map<String, IssueRef> refs = new LinkedHashMap<>();
        List<String> all = List.copyOf(issueIds);
        for (int from = 0; from < all.size(); from += MAX_BULK_ISSUES) {
            ObjectNode body = IssueBodies.JSON.createObjectNode();
            ArrayNode ids = body.putArray("issueIdsOrKeys");
            all.subList(from, Math.min(all.size(), from + MAX_BULK_ISSUES)).forEach(ids::add);
            body.putArray("fields").add("summary").add("project");
            for (JsonNode issue : post(site, "/rest/api/3/issue/bulkfetch", body).path("issues")) {
                JsonNode f = issue.path("fields");
                refs.put(issue.path("id").asString(), new IssueRef(issue.path("id").asString(), issue.path("key").asString(),
                        f.path("project").path("key").asString(null), f.path("summary").asString(null)));
            }
        }
        return refs;
    }

    /**
     * The time zone of the account the site's credentials act as ({@code GET /rest/api/3/myself}): Jira reads the
     * dates in JQL in it. UTC when Jira names none or one Java does not know.
     */
    public java.time.ZoneId timeZone(JiraSite site) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/myself").build().toUri();
        String zone = text(calls.json(site, JiraRequest.get(uri)).path("timeZone"));
        try {
            return zone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException unknown) {
            return java.time.ZoneOffset.UTC;
        }
    }

    /**
     * The keys of issues by id, up to 1,000 ids a search ({@code id in (...)}, only ids and keys asked for, so Jira
     * pages by up to 1,000): what a worklog needs to name its issue, for a few calls per thousand worklogs.
     */
    public Map<String, String> issueKeys(JiraSite site, Collection<String> issueIds) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> all = List.copyOf(issueIds);
        for (int from = 0; from < all.size(); from += MAX_KEYS_PER_SEARCH) {
            String jql = "id in (" + String.join(",", all.subList(from, Math.min(all.size(), from + MAX_KEYS_PER_SEARCH)))
                    + ") ORDER BY id ASC";
            String token = null;
            do {
                JsonNode page = searchJql(site, jql, MAX_KEYS_PER_SEARCH, List.of("id"), token);
                page.path("issues").forEach(issue -> keys.put(issue.path("id").asString(), issue.path("key").asString()));
                token = text(page.path("nextPageToken"));
            } while (token != null);
        }
        return keys;
    }

    /** Jira's time ({@code 2026-11-25T14:43:00.000+0000}) as an instant; null when absent. */
    public static Instant time(String text) {
        return text == null || text.isEmpty() ? null : OffsetDateTime.parse(text, JIRA_TIME).toInstant();
    }

    private WorklogChanges worklogChanges(JiraSite site, String path, long since) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path(path).queryParam("since", since).build().toUri();
        JsonNode page = calls.json(site, JiraRequest.get(uri));
        List<WorklogChange> values = new ArrayList<>(page.path("values").size());
        page.path("values").forEach(v -> values.add(new WorklogChange(v.path("worklogId").asString(),
                v.path("updatedTime").asLong())));
        boolean last = page.path("lastPage").asBoolean(true);
        Long next = null;
        String nextPage = text(page.path("nextPage"));
        if (!last && nextPage != null) {
            String query = URI.create(nextPage).getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("since=")) {
                    next = Long.parseLong(pair.substring(6));
                }
            }
        }
        return new WorklogChanges(values, last || next == null, next, page.path("until").asLong(since));
    }

    /** One page of {@code POST /rest/api/3/search/jql} as Jira answers it; {@code nextPageToken} null for the first. */
    private JsonNode searchJql(JiraSite site, String jql, int maxResults, List<String> fields, String nextPageToken) {
        ObjectNode body = IssueBodies.JSON.createObjectNode();
        body.put("jql", jql);
        body.put("maxResults", maxResults);
        ArrayNode names = body.putArray("fields");
        fields.forEach(names::add);
        if (nextPageToken != null) {
            body.put("nextPageToken", nextPageToken);
        }
        return post(site, "/rest/api/3/search/jql", body);
    }

    private JsonNode post(JiraSite site, String path, ObjectNode body) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path(path).build().toUri();
        return calls.json(site, JiraRequest.idempotentPost(uri, body.toString()));
    }

    private static List<Comment> comments(JsonNode list) {
        List<Comment> comments = new ArrayList<>(list.size());
        for (JsonNode c : list) {
            comments.add(new Comment(c.path("id").asString(), person(c.path("author")), person(c.path("updateAuthor")),
                    time(c.path("created")), time(c.path("updated"))));
        }
        return comments;
    }

    private static Person person(JsonNode user) {
        String id = text(user.path("accountId"));
        return id == null ? null : new Person(id, text(user.path("displayName")));
    }

    private static Instant time(JsonNode node) {
        return time(text(node));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
