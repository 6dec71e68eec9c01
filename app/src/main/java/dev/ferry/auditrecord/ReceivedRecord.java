package dev.ferry.auditrecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.JsonNode;

/**
 * One audit record as Jira sent it: the columns Ferry finds records by, read from it, and the whole record as
 * received ({@code body}), unexpected fields included.
 */
public record ReceivedRecord(long recordId, Instant created, String category, String summary, String authorAccountId,
        String remoteAddress, String objectType, String objectId, String objectName, String body) {

    /** Jira's {@code created}, for example {@code 2014-03-19T18:45:42.967+0000}; ISO-8601 offsets are read too. */
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX][X]");

    /**
     * Reads one element of {@code AuditRecords.records}.
     *
     * @throws IllegalArgumentException when the record has no numeric id or no readable {@code created}: Ferry
     *                                  could neither keep it once nor place it in time
     */
    public static ReceivedRecord of(JsonNode record) {
        JsonNode id = record.path("id");
        if (!id.canConvertToLong()) {
            throw new IllegalArgumentException("an audit record without a numeric id: " + clipped(record));
        }
        String created = text(record, "created");
        if (created == null) {
            throw new IllegalArgumentException("audit record " + id.asLong() + " has no created time");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(created, CREATED).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("audit record " + id.asLong() + " has an unreadable created time: "
                    + created);
        }
        JsonNode object = record.path("objectItem");
        return new ReceivedRecord(id.asLong(), at, text(record, "category"), text(record, "summary"),
                text(record, "authorAccountId"), text(record, "remoteAddress"), text(object, "typeName"),
                text(object, "id"), text(object, "name"), record.toString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static String clipped(JsonNode record) {
        String text = record.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
