package dev.ferry.ticket;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a person or the product asks for when it files a ticket by hand for one of its objects.
 *
 * @param site              the site link key (an install's clientKey or a connection id)
 * @param project           the project key; null or blank means the connection's default project
 * @param issueType         the issue type's id or name, as the project's create metadata lists it
 * @param descriptionText   plain text, or null
 * @param descriptionAdf    an ADF document, or null; at most one of the two descriptions is given
 * @param priority          Highest, High, Medium, Low, Lowest or any name of the site's priority scheme; null for none
 * @param labels            Jira labels (no spaces); empty for none
 * @param assigneeAccountId an Atlassian accountId assignable in the project; null for unassigned
 * @param object            the product object the ticket is for; it is linked to it at once
 */
public record TicketDraft(String site, String project, String issueType, String summary, String descriptionText,
        JsonNode descriptionAdf, String priority, List<String> labels, String assigneeAccountId, TicketObject object) {

    /**
     * The product object, with what the ticket's description shows of it in its own marked section.
     *
     * @param facts the product's key facts about it, in the order given
     */
    public record TicketObject(String type, String id, String title, String url, String state,
            Map<String, String> facts) {

        /**
         * Facts Ferry gathered itself (not sent for this ticket), cut to what a ticket takes so they can never
         * refuse it: the first {@value DraftChecks#MAX_FACTS}, names of at most 100 characters, values cut to
         * {@value DraftChecks#MAX_FACT_CHARS}.
         */
        public static Map<String, String> fitted(Map<String, String> facts) {
            Map<String, String> fitted = new java.util.LinkedHashMap<>();
            facts.forEach((name, value) -> {
                if (fitted.size() < DraftChecks.MAX_FACTS && name.length() <= 100 && value != null) {
                    fitted.put(name, value.length() <= DraftChecks.MAX_FACT_CHARS ? value
                            : value.substring(0, DraftChecks.MAX_FACT_CHARS - 1) + "…");
                }
            });
            return fitted;
        }
    }
}
