package dev.ferry.delivery;

import dev.ferry.console.Shown;
import dev.ferry.destination.Banners;
import dev.ferry.destination.RulesPage;
import dev.ferry.link.IssueUrls;
import java.util.List;
import java.util.Map;

/** The deliveries log: recent deliveries with their outcome, Jira key, attempts and last error; retry for failed ones. */
record DeliveriesPage(List<Banners.Banner> banners, List<Row> deliveries, boolean empty,
        List<RulesPage.Option> statuses, String error) {

    /** One delivery; {@code issueUrl} null when there is no ticket (yet) or the site is not linked any more. */
    record Row(long id, String created, String eventType, String subject, String projectKey, String status,
            String lozenge, String outcome, String issueKey, String issueUrl, int attempts, String lastError,
            boolean failed) {

        static Row of(DeliveryLog.Entry entry, Map<String, String> siteUrls) {
            String url = IssueUrls.browse(siteUrls.get(entry.site()), entry.issueKey());
            return new Row(entry.id(), Shown.time(entry.createdAt()), entry.eventType(),
                    entry.subjectTitle() + " (" + entry.subjectType() + " " + entry.subjectId() + ")", entry.projectKey(),
                    entry.status(), lozenge(entry.status()), entry.outcome() == null ? "" : entry.outcome(),
                    entry.issueKey(), url, entry.attempts(), entry.lastError(), "FAILED".equals(entry.status()));
        }

        private static String lozenge(String status) {
            return switch (status) {
                case "DONE" -> "lozenge";
                case "FAILED" -> "lozenge error";
                default -> "lozenge warn";
            };
        }
    }
}
