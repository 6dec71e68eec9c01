package dev.ferry.auditrecord;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.PageLimit;
import dev.ferry.refusal.Refusal;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Jira's audit records out of Ferry, in position order (Ferry's order of arrival): a list paged by cursor, an NDJSON
 * export of a range, and a Server-Sent Events stream a SIEM forwarder tails and resumes by position.
 */
@RestController
@RequiresScope(ApiScope.AUDIT_RECORDS_READ)
class AuditRecordsController {

    private final AuditRecordFilters filters;
    private final AuditRecordReader reader;
    private final AuditRecordExport export;
    private final AuditRecordFollowers followers;
    private final AuditRecordLongPoll longPoll;
    private final AuditRecordsProperties properties;
    private final AuditLog audit;

    AuditRecordsController(AuditRecordFilters filters, AuditRecordReader reader, AuditRecordExport export,
            AuditRecordFollowers followers, AuditRecordLongPoll longPoll, AuditRecordsProperties properties,
            AuditLog audit) {
        this.filters = filters;
        this.reader = reader;
        this.export = export;
        this.followers = followers;
        this.longPoll = longPoll;
        this.properties = properties;
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit-records")
    AuditRecordList listJiraAuditRecords(ApiCaller caller, @RequestParam(required = false) String collector,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String category, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String after,
            @RequestParam(required = false) String wait) throws InterruptedException {
        int size = PageLimit.parse(limit, properties.pageLimit(), properties.maxPageLimit());
        Refusal.require(cursor == null || after == null, "give cursor or after, not both");
        long position = after != null ? AuditRecordFilters.position("after", after) : AuditRecordCursor.decode(cursor);
        Duration waitFor = AuditRecordLongPoll.wait(wait);
        AuditRecordFilter filter = filters.parse(caller.organizationId(), collector, from, to, category);
        // One more than the page: the next cursor is null exactly when nothing follows.
        List<StoredRecord> records = waitFor.isZero() ? reader.records(filter, position, size + 1)
                : longPoll.await(filter, position, size + 1, waitFor);
        List<StoredRecord> page = records.subList(0, Math.min(size, records.size()));
        String next = records.size() > size ? AuditRecordCursor.encode(page.get(page.size() - 1).position()) : null;
        return new AuditRecordList(page.stream().map(AuditRecordItem::of).toList(), next);
    }

    /** Written to the response a chunk at a time as it is read: never refused for its size, never held. */
    @GetMapping("/api/v1/audit-records/export")
    @ApiResponse(responseCode = "200", description = "The records, one per line", content = @Content(
            mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
    void exportJiraAuditRecords(ApiCaller caller, @RequestParam(required = false) String collector,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String category, HttpServletResponse response) throws IOException {
        AuditRecordFilter filter = filters.parse(caller.organizationId(), collector, from, to, category);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.AUDIT_RECORDS_EXPORTED,
                collector == null ? "audit records" : "audit collector " + filter.collectorId(), filter.describe());
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-records.ndjson\"");
        export.write(filter, response.getOutputStream());
    }

    /** Records after {@code after} (or the {@code Last-Event-ID} a reconnecting client sends), then new ones. */
    @GetMapping("/api/v1/audit-records/stream")
    @ApiResponse(responseCode = "200", description = "Server-Sent Events: one event per record", content = @Content(
            mediaType = "text/event-stream", schema = @Schema(type = "string")))
    SseEmitter followJiraAuditRecords(ApiCaller caller, @RequestParam(required = false) String collector,
            @RequestParam(required = false) String after,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long position = lastEventId != null && !lastEventId.isBlank()
                ? AuditRecordFilters.position("Last-Event-ID", lastEventId) : AuditRecordFilters.position("after", after);
        AuditRecordFilter filter = filters.parse(caller.organizationId(), collector, null, null, null);
        return followers.follow(filter, position);
    }

    /** A page of records and the cursor of the next; null on the last page. */
    record AuditRecordList(List<AuditRecordItem> records, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }
}
