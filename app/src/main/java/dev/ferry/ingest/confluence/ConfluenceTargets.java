package dev.ferry.ingest.confluence;

import dev.ferry.ingest.IngestTarget;
import dev.ferry.jira.JiraSite;

/** The Confluence side of a connection, and where its pages are seen on the web. */
final class ConfluenceTargets {

    private ConfluenceTargets() {
    }

    /** The connection's Confluence; the engine asks only connections that have it, so its absence is a defect. */
    static JiraSite of(IngestTarget target) {
        return target.confluence().orElseThrow(() -> new IllegalStateException(
                "connection " + target.connectionId() + " has no Confluence to read"));
    }

    /** The wiki's web address: what Confluence said ({@code _links.base}), else the site's {@code /wiki}. */
    static String base(String said, JiraSite confluence) {
        if (said != null && !said.isEmpty()) {
            return said;
        }
        return confluence.baseUrl().toString().replaceAll("/+$", "") + "/wiki";
    }

    /** Where a page or comment is seen: its {@code _links.webui} under the wiki's {@link #base}; null without one. */
    static String url(String base, String webui) {
        return webui == null ? null : base + webui;
    }

    /** A small detail object: {@code {"version":3,"message":"…"}} and any more string members, in order. */
    static String detail(int version, String... namesAndValues) {
        StringBuilder json = new StringBuilder(64).append("{\"version\":").append(version);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                json.append(",\"").append(namesAndValues[i]).append("\":");
                quote(json, namesAndValues[i + 1]);
            }
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
