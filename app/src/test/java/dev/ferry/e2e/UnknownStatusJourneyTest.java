package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A ticket whose status Ferry never read says why it cannot be read now: the site's credentials are rejected
 * (an API token revoked at Atlassian), or Ferry cannot call the site at all (the app uninstalled).
 */
@SiteKind.Only({SiteKind.INSTALL, SiteKind.API_TOKEN})
class UnknownStatusJourneyTest extends WithLinkedDestination {

    @Test
    void aStatusNeverReadIsUnknownBecauseTheSiteCannotBeReadNow() {
        api.postEvent(guardrail("exp-k", "Filed before the break"));
        DeliveryDrain.drain(context);
        assertThat(link("exp-k").path("statusReason").asString()).isEqualTo("NOT_READ_YET");

        if (kind == SiteKind.API_TOKEN) {
            jira.credentials().revokeApiToken(Journey.FILER_EMAIL);
            try {
                api.postEvent(guardrail("exp-l", "Rejected"));
                DeliveryDrain.drain(context);
                assertUnknown(link("exp-k"), "CREDENTIALS_REJECTED");
            } finally {
                jira.credentials().addApiToken(Journey.FILER_EMAIL, Journey.FILER_TOKEN);
            }
        } else {
            assertThat(jira.site().uninstall().status()).isEqualTo(204);
            assertUnknown(link("exp-k"), "SITE_NOT_REACHABLE");
        }
    }

    private void assertUnknown(JsonNode link, String reason) {
        assertThat(link.path("status").isNull()).isTrue();
        assertThat(link.path("statusKnown").asBoolean()).isFalse();
        assertThat(link.path("statusReason").asString()).isEqualTo(reason);
    }

    private JsonNode link(String experiment) {
        return api.get("/api/v1/links?subjectType=experiment&subjectId=" + experiment).json().get(0);
    }
}
