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
    AUDIT_READ("audit:read");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    /** The scope as API clients write it, for example {@code events:write}. */
    public String value() {
        return value;
    }
}
