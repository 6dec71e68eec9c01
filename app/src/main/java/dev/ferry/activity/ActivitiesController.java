package dev.ferry.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.PageLimit;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's activity for the product: a list paged by cursor, an export of a range, a person's
 * summary, and why a range shows nothing. Parameters arrive as text so every bad one gets an explained 400.
 */
@RestController
@RequiresScope(ApiScope.ACTIVITY_READ)
class ActivitiesController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final ActivityFilters filters;
    private final ActivityReader reader;
    private final ActivityExport export;
    private final ActivitySummaries summaries;
    private final Explanations explanations;

    ActivitiesController(ActivityFilters filters, ActivityReader reader, ActivityExport export,
            ActivitySummaries summaries, Explanations explanations) {
        this.filters = filters;
        this.reader = reader;
        this.export = export;
        this.summaries = summaries;
        this.explanations = explanations;
    }

    @GetMapping("/api/v1/activities")
    ActivityList list(ApiCaller caller, @RequestParam(required = false) String person,
            @RequestParam(required = false) String connection, @RequestParam(required = false) String source,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String order,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String limit) {
        int size = PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT);
        ActivityFilter filter = filters.parse(caller.organizationId(),
                new ActivityParams(person, connection, source, kind, from, to, order, cursor));
        ActivityReader.Page page = reader.page(filter, size);
        return new ActivityList(page.activities(), page.nextCursor());
    }

    /** Written to the response as the rows are read: the range is never held, whatever its size. */
    @GetMapping("/api/v1/activities/export")
    @ApiResponse(responseCode = "200", description = "The activities, one per line", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    void export(ApiCaller caller, @RequestParam(required = false) String format,
            @RequestParam(required = false) String person, @RequestParam(required = false) String connection,
            @RequestParam(required = false) String source, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String order, HttpServletResponse response) throws IOException {
        ExportFormat shape = ExportFormat.of(format);
        ActivityFilter filter = filters.parse(caller.organizationId(),
                new ActivityParams(person, connection, source, kind, from, to, order, null));
        stream(export, filter, shape, response);
    }

    @GetMapping("/api/v1/activities/summary")
    ActivitySummaries.Summary summary(ApiCaller caller, @RequestParam(required = false) String person,
            @RequestParam(required = false) String connection, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return summaries.of(caller.organizationId(), person, connection, from, to);
    }

    @GetMapping("/api/v1/activities/explain")
    Explanation explain(ApiCaller caller, @RequestParam(required = false) String connection,
            @RequestParam(required = false) String person, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return explanations.explain(caller.organizationId(),
                new ActivityParams(person, connection, null, null, from, to, null, null));
    }

    /** Shared with the console's export links. */
    static void stream(ActivityExport export, ActivityFilter filter, ExportFormat format, HttpServletResponse response)
            throws IOException {
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + format.fileName() + "\"");
        export.write(filter, format, response.getOutputStream());
    }

    /** A page of activities and the cursor of the next; null on the last page. */
    record ActivityList(List<ActivityItem> activities, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }
}
