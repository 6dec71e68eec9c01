package dev.ferry.auditrecord;

import dev.ferry.refusal.Refusal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns the readers' query parameters into an {@link AuditRecordFilter}, refusing each bad one in words. */
@Component
class AuditRecordFilters {

    private final JdbcClient jdbc;

    AuditRecordFilters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AuditRecordFilter parse(String organizationId, String collector, String from, String to, String category) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        Refusal.require(start == null || end == null || start.isBefore(end), "from must be before to");
        return new AuditRecordFilter(organizationId, collector(organizationId, collector), start, end,
                blank(category) ? null : category.strip());
    }

    /** Another organization's collector is answered as an unknown one: its existence is not told. */
    private String collector(String organizationId, String text) {
        if (blank(text)) {
            return null;
        }
        String id = text.strip();
        boolean ours = jdbc.sql("select count(*) from audit_collector where id = ? and organization_id = ?")
                .params(id, organizationId).query(Long.class).single() > 0;
        if (!ours) {
            throw Refusal.notFound("no audit collector " + id + " in this organization");
        }
        return id;
    }

    /** A position to resume after: a whole number from 0, 0 when not given. */
    static long position(String name, String text) {
        if (blank(text)) {
            return 0;
        }
        try {
            long position = Long.parseLong(text.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Refusal.invalid(name + " must be a record's position (a whole number from 0)");
    }

    private static Instant instant(String name, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name + " must be an ISO-8601 instant such as 2026-11-02T10:00:00Z, not " + text.strip());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
