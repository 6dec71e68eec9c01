package dev.ferry.panel;

import dev.ferry.refusal.Refusal;

/**
 * What a button on the configure page led to, carried through the redirect after the post (so a reload shows
 * the page again instead of posting again). Only these names travel in the address; the words are Ferry's.
 */
enum ConfigureOutcome {
    LINKED(null),
    DECLINED(null),
    NOT_ADMIN("Only a Jira administrator of this site can confirm or decline a link request. Nothing changed."),
    JIRA_SILENT("Jira did not say whether you administer this site, so nothing changed. Try again in a moment."),
    NOT_PENDING("That request is no longer waiting: it was confirmed, declined, cancelled or it expired. Nothing"
            + " changed."),
    TAKEN("This site could not be linked: it is linked to another Ferry organization already, or Ferry is no"
            + " longer installed on it."),
    FREE_PLAN("This site is on Jira's Free plan, and the Ferry organization that asked does not link sites on the"
            + " Free plan (its setting \"Allow sites on Jira's Free plan\" is off). Nothing was linked. An Admin of"
            + " that organization can turn the setting on in Ferry; then confirm again."),
    FAILED("Ferry could not do that, and nothing changed. Try again in a moment.");

    private final String refusal;

    ConfigureOutcome(String refusal) {
        this.refusal = refusal;
    }

    /** Why the action was refused, in words for the person who pressed the button; null for a success. */
    String refusal() {
        return refusal;
    }

    static ConfigureOutcome of(Refusal refused) {
        if (dev.ferry.siteplan.FreePlanGate.TITLE.equals(refused.title())) {
            return FREE_PLAN;
        }
        return switch (refused.kind()) {
            case FORBIDDEN -> NOT_ADMIN;
            case JIRA_REFUSED -> JIRA_SILENT;
            case NOT_FOUND -> NOT_PENDING;
            case CONFLICT -> TAKEN;
            default -> FAILED;
        };
    }
}
