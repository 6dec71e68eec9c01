package dev.ferry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit page names people, sites, destinations and keys as the console does, not by internal ids. */
class AuditWordsTest {

    static final String DESTINATION = "6f1c2a9e-0000-4000-8000-000000000001";
    static final String CLIENT_KEY = "b4f6f0a2-9c1e-4e55-a0a0-client-key";
    static final String KEY_ID = "0c4b7f0e-0000-4000-8000-0000000000aa";
    static final AuditNames.Names NAMES = new AuditNames.Names(Map.of(CLIENT_KEY, "acme.atlassian.net"),
            Map.of(DESTINATION, "FERRY on acme.atlassian.net"), Map.of(KEY_ID, "Deploy bot"));

    @Test
    void peopleAreShownByEmailAndKeysByName() {
        assertThat(AuditWords.actor("user:ada@example.com", NAMES)).isEqualTo("ada@example.com");
        assertThat(AuditWords.actor("api-key:" + KEY_ID, NAMES)).isEqualTo("API key “Deploy bot”");
        assertThat(AuditWords.actor("api-key:gone", NAMES)).isEqualTo("API key gone");
        assertThat(AuditWords.actor("jira", NAMES)).isEqualTo("Jira");
        assertThat(AuditWords.actor("ferry:delivery", NAMES)).isEqualTo("Ferry (ticket delivery)");
    }

    @Test
    void sitesDestinationsAndKeysAreNamed() {
        assertThat(AuditWords.target("SITE_CONNECTED", CLIENT_KEY, NAMES)).isEqualTo("acme.atlassian.net");
        assertThat(AuditWords.target("API_KEY_REVOKED", KEY_ID, NAMES)).isEqualTo("“Deploy bot”");
        assertThat(AuditWords.target("TEMPLATES_UPDATED", "destination " + DESTINATION + " / experiment.x", NAMES))
                .isEqualTo("destination FERRY on acme.atlassian.net / experiment.x");
        assertThat(AuditWords.detail("LINK_REMOVED", "removed in Jira's issue panel on site " + CLIENT_KEY, NAMES))
                .isEqualTo("removed in Jira's issue panel on site acme.atlassian.net");
        assertThat(AuditWords.detail("API_KEY_CREATED", "name=Deploy bot scopes=events:write,links:read", NAMES))
                .isEqualTo("Scopes: events:write, links:read");
    }

    @Test
    void onlyWholeIdsAreReplacedAndUnknownOnesStay() {
        assertThat(AuditWords.target("TEMPLATES_UPDATED", "destination " + DESTINATION + "-x", NAMES))
                .contains(DESTINATION + "-x");
        assertThat(AuditWords.target("SITE_DISCONNECTED", "unknown-site", NAMES)).isEqualTo("unknown-site");
    }

    @Test
    void actionsReadAsWords() {
        assertThat(AuditLogPage.label("API_KEY_CREATED")).isEqualTo("API key created");
        assertThat(AuditLogPage.label("LINK_REMOVED")).isEqualTo("Link removed");
    }
}
