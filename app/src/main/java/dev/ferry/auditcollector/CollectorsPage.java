package dev.ferry.auditcollector;

import dev.ferry.connection.ConnectionView;
import dev.ferry.console.Shown;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The console's audit collector pages: the table with the add form, one collector's edit form, and the delete
 * confirmation; every value prepared for the template.
 */
record CollectorsPage(List<Row> collectors, boolean empty, Row collector, Form form, List<Choice> connections,
        boolean anyConnection, String minPoll, String error) {

    /** A collector in the table, or the one being edited or deleted. */
    record Row(String id, String siteUrl, String account, String kind, String state, boolean paused, boolean failing,
            String why, String lastPoll, String newestRecord, String lag, long records, String lastError,
            String lastErrorAt, String interval, String sink) {

        static Row of(CollectorView c) {
            return new Row(c.id(), c.siteUrl() == null ? "(connection deleted)" : c.siteUrl(),
                    c.account() == null ? "" : c.account(), c.connectionKind() == null ? "" : c.connectionKind(),
                    c.state(), "paused".equals(c.state()), "failing".equals(c.state()),
                    c.failure() == null ? "" : c.failure().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    Shown.time(c.lastPollAt()), Shown.time(c.newestRecordAt()), CollectorsPage.lag(c.lagSeconds()),
                    c.recordsStored(), c.lastError() == null ? "" : c.lastError(),
                    c.lastErrorAt() == null ? null : Shown.time(c.lastErrorAt()),
                    CollectorInput.words(Duration.ofSeconds(c.pollSeconds())),
                    c.sink() == null ? null : c.sink().host() + " (" + c.sink().state() + ")");
        }
    }

    /** The add or edit form as sent, so a refused one keeps what was typed (never the token). */
    record Form(String connectionId, String siteUrl, String email, String pollMinutes, String startFrom, String filter) {

        static Form blank(Duration interval) {
            return new Form("", "", "", Long.toString(interval.toMinutes()), "", "");
        }

        static Form of(CollectorView c) {
            return new Form(c.connectionId(), "", "", Long.toString(Math.max(1, c.pollSeconds() / 60)),
                    c.startFrom() == null ? "" : c.startFrom().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                    c.filter() == null ? "" : c.filter());
        }
    }

    /** A connection the add form offers: one with no collector yet. */
    record Choice(String id, String label, boolean selected) {
    }

    static CollectorsPage list(List<CollectorView> collectors, List<ConnectionView> connections, Form form,
            String minPoll, String error) {
        Set<String> taken = collectors.stream().map(CollectorView::connectionId).collect(java.util.stream.Collectors.toSet());
        List<Choice> free = connections.stream().filter(c -> !taken.contains(c.id()))
                .map(c -> new Choice(c.id(), c.siteUrl() + " — " + label(c), c.id().equals(form.connectionId())))
                .toList();
        List<Row> rows = collectors.stream().map(Row::of).toList();
        return new CollectorsPage(rows, rows.isEmpty(), null, form, free, !free.isEmpty(), minPoll, error);
    }

    static CollectorsPage one(CollectorView collector, Form form, String minPoll, String error) {
        return new CollectorsPage(List.of(), false, Row.of(collector), form, List.of(), false, minPoll, error);
    }

    /** "4 min", "2 h 5 min", "3 d 4 h": how far behind, as a person reads it; empty before the first full poll. */
    static String lag(Long seconds) {
        if (seconds == null) {
            return "";
        }
        Duration lag = Duration.ofSeconds(seconds);
        if (lag.toDays() > 0) {
            return lag.toDays() + " d " + lag.toHoursPart() + " h";
        }
        if (lag.toHours() > 0) {
            return lag.toHours() + " h " + lag.toMinutesPart() + " min";
        }
        return lag.toMinutes() > 0 ? lag.toMinutes() + " min" : seconds + " s";
    }

    private static String label(ConnectionView c) {
        return switch (c.kind()) {
            case "app_install" -> "app install";
            case "api_token" -> "API token of " + c.email();
            default -> "OAuth" + (c.account() != null && c.account().displayName() != null
                    ? " as " + c.account().displayName() : "");
        };
    }
}
