package dev.ferry.delivery;

import dev.ferry.console.Shown;
import dev.ferry.destination.Banners;
import dev.ferry.destination.RulesPage;
import dev.ferry.link.IssueUrls;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deliveries log: recent deliveries with their outcome, Jira key, attempts, last error and, while one is
 * open, when it is tried next; Retry for every delivery that is not final.
 */
record DeliveriesPage(List<Banners.Banner> banners, List<Row> deliveries, boolean empty,
        List<RulesPage.Option> statuses, String error) {

    /** A refusal of a service ("no delivery 7") reads as a sentence on the page. */
    DeliveriesPage {
        error = Shown.sentence(error);
    }

    /** One delivery; {@code issueUrl} null when there is no ticket (yet) or the site is not linked any more. */
    record Row(long id, String created, String eventType, String subject, String projectKey, String status,
            String lozenge, String outcome, String issueKey, String issueUrl, int attempts, String lastError,
            String nextAttempt, boolean retryable) {

        static Row of(DeliveryLog.Entry entry, Map<String, String> siteUrls) {
            String url = IssueUrls.browse(siteUrls.get(entry.site()), entry.issueKey());
            return new Row(entry.id(), Shown.time(entry.createdAt()), entry.eventType(),
                    entry.subjectTitle() + " (" + entry.subjectType() + " " + entry.subjectId() + ")",
                    entry.destinationDeleted() ? entry.projectKey() + " (destination deleted)" : entry.projectKey(),
                    entry.status(), lozenge(entry.status()), entry.outcome() == null ? "" : entry.outcome(),
                    entry.issueKey(), url, entry.attempts(), words(entry.lastError()), Shown.time(entry.nextAttemptAt()),
                    retryable(entry.status()));
        }

        /** Done is the only success; waiting needs a person, failed gave up, pending is on its way. */
        private static String lozenge(String status) {
            return switch (status) {
                case "DONE" -> "lozenge";
                case "FAILED" -> "lozenge error";
                case "WAITING" -> "lozenge warn";
                default -> "lozenge neutral";
            };
        }

        private static boolean retryable(String status) {
            return status.equals("PENDING") || status.equals("WAITING") || status.equals("FAILED");
        }
    }

    // Rows recorded before errors were written in words may still name an exception class.
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

    /** The last error as a sentence: no exception class names, a capital first letter. */
    static String words(String lastError) {
        if (lastError == null || lastError.isBlank()) {
            return "";
        }
        String text = EXCEPTION_NAME.matcher(lastError).replaceAll("").strip();
        if (text.isEmpty()) {
            return "Unexpected error in Ferry";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
