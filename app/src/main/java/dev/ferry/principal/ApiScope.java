package dev.ferry.principal;

/** What a product API key may do. */
public enum ApiScope {
    EVENTS_WRITE("events:write"),
    EVENTS_READ("events:read"),
    LINKS_READ("links:read"),
    LINKS_WRITE("links:write"),
    CONFIG_READ("config:read"),
    CONFIG_WRITE("config:write"),
    KEYS_MANAGE("keys:manage"),
    AUDIT_READ("audit:read"),
    /** Read activities, their summaries and exports, and the data sources' state. */
    ACTIVITY_READ("activity:read"),
    /** Fetch now, change a data source's schedule, cancel a fetch. */
    INGEST_MANAGE("ingest:manage"),
    PEOPLE_READ("people:read"),
    /** Add, map, import and erase people. */
    PEOPLE_WRITE("people:write"),
    /** List, export and follow Jira's audit records. */
    AUDIT_RECORDS_READ("audit-records:read"),
    /** Add, edit, pause, test and delete audit collectors and their sinks. */
    AUDIT_COLLECTORS_MANAGE("audit-collectors:manage");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    /** The scope as API clients write it, for example {@code events:write}. */
    public String value() {
        return value;
    }
}
