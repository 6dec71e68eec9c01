package dev.ferry.jira;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Jira's audit records, {@code GET /rest/api/3/auditing/record} (Administer Jira, or an app with the ADMIN
 * scope): a page of the records created in [from, to], newest first, by offset and limit. Through {@link JiraCalls},
 * so throttling, errors and every auth kind are handled as for any call.
 */
@Component
public class JiraAuditReads {

    /** Jira's most records a page. */
    public static final int MAX_LIMIT = 1000;
    /** ISO-8601 in UTC with milliseconds, the form Jira writes its own times in. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JiraCalls calls;

    JiraAuditReads(JiraCalls calls) {
        this.calls = calls;
    }

    /**
     * One page as Jira answered it.
     *
     * @param records the page's records as received, whatever fields they carry
     * @param total   how many records Jira says match, on this page's reading (it may change while paging)
     */
    public record AuditPage(int offset, int limit, long total, List<JsonNode> records) {
    }

    /**
     * The page at {@code offset} of the records created in [from, to] (both inclusive, as Jira reads them).
     *
     * @param filter Jira's {@code filter}: words to match, space separated; null or blank for every record
     */
    public AuditPage records(JiraSite site, Instant from, Instant to, int offset, int limit, String filter) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/auditing/record")
                .queryParam("offset", offset).queryParam("limit", Math.max(1, Math.min(limit, MAX_LIMIT)))
                .queryParam("from", TIME.format(from)).queryParam("to", TIME.format(to));
        if (filter != null && !filter.isBlank()) {
            uri.queryParam("filter", filter.strip());
        }
        URI built = uri.encode().build().toUri();
        JsonNode page = calls.json(site, JiraRequest.get(built));
        List<JsonNode> records = new ArrayList<>(page.path("records").size());
        page.path("records").forEach(records::add);
        return new AuditPage(page.path("offset").asInt(offset), page.path("limit").asInt(limit),
                page.path("total").asLong(records.size()), records);
    }
}
