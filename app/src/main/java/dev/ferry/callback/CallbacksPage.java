package dev.ferry.callback;

import dev.ferry.console.Shown;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The console's callbacks pages: the organization's endpoints, or one endpoint with its recent messages.
 *
 * @param secret a secret just generated, shown this once; null otherwise
 */
record CallbacksPage(List<Row> endpoints, boolean empty, Row endpoint, List<Message> messages, String secret,
        Form form, String error) {

    /** An endpoint in a list or on its own page. */
    record Row(String id, String url, String description, String events, boolean enabled, String created) {

        static Row of(CallbackEndpoint endpoint) {
            return new Row(endpoint.id(), endpoint.url(), endpoint.description(),
                    String.join(", ", endpoint.events().stream().map(event -> event.type).toList()), endpoint.enabled(),
                    Shown.time(endpoint.createdAt()));
        }
    }

    /** A recent message: what was sent, how it went, and the endpoint's answer, clipped. */
    record Message(long id, String type, String webhookId, String status, boolean failed, boolean retryable,
            int attempts, String lastHttpStatus, String answer, String created, String lastAttempt, String next) {

        static Message of(MessageView view) {
            // what the endpoint said, else why nothing was said (refused connection, timeout, guard)
            String answer = view.lastAnswer() != null && !view.lastAnswer().isBlank() ? view.lastAnswer() : view.lastError();
            return new Message(view.id(), view.type(), view.webhookId(), view.status(), view.status().equals("FAILED"),
                    view.status().equals("FAILED"), view.attempts(),
                    view.lastHttpStatus() == null ? "" : view.lastHttpStatus().toString(), answer == null ? "" : answer,
                    Shown.time(view.createdAt()), Shown.time(view.lastAttemptAt()), Shown.time(view.nextAttemptAt()));
        }
    }

    /** The add or edit form as sent, so a refused one keeps what was typed. */
    record Form(String url, String description, boolean enabled, List<EventBox> events) {

        static Form blank() {
            return of("", "", true, Set.of(CallbackEvent.values()));
        }

        static Form of(String url, String description, boolean enabled, Set<CallbackEvent> chosen) {
            return new Form(url, description == null ? "" : description, enabled, Arrays.stream(CallbackEvent.values())
                    .map(event -> new EventBox(event.type, chosen.contains(event))).toList());
        }

        static Form of(String url, String description, boolean enabled, List<String> names) {
            return new Form(url, description == null ? "" : description, enabled, Arrays.stream(CallbackEvent.values())
                    .map(event -> new EventBox(event.type, names != null && names.contains(event.type))).toList());
        }
    }

    /** One event's checkbox. */
    record EventBox(String value, boolean checked) {
    }

    static CallbacksPage list(List<CallbackEndpoint> endpoints, String secret, Form form, String error) {
        List<Row> rows = endpoints.stream().map(Row::of).toList();
        return new CallbacksPage(rows, rows.isEmpty(), null, List.of(), secret, form, error);
    }

    static CallbacksPage one(CallbackEndpoint endpoint, List<MessageView> messages, String secret, Form form,
            String error) {
        return new CallbacksPage(List.of(), false, Row.of(endpoint), messages.stream().map(Message::of).toList(), secret,
                form, error);
    }
}
