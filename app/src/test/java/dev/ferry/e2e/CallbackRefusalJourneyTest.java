package dev.ferry.e2e;

import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.callback.CallbackDrain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What Ferry refuses when an organization registers a callback endpoint, each through HTTP as problem+json with
 * nothing stored: an address that is not https, one that points inside (a private address, a name that resolves
 * to one, loopback), an event Ferry does not send; and another organization's ids are unknown. A redirect from an
 * endpoint is a failed attempt, never followed.
 */
@FerryJourney
class CallbackRefusalJourneyTest {

    @Autowired
    ApplicationContext context;

    Journey journey;
    ProductApi acme;
    String receiver;

    @BeforeEach
    void acmeHasAnApiKey(Journey journey) {
        this.journey = journey;
        acme = journey.newOrganization("Acme Callbacks");
        receiver = "http://127.0.0.1:" + journey.callbackPort() + "/hooks";
    }

    @Test
    void anAddressThatIsNotHttpsOrPointsInsideIsRefusedAndNothingIsStored() {
        refused(acme.post("/api/v1/callbacks", "{\"url\":\"http://hooks.example.com/ferry\"}"), 400, "https");
        refused(acme.post("/api/v1/callbacks", "{\"url\":\"ftp://hooks.example.com/ferry\"}"), 400, "https URL");
        refused(acme.post("/api/v1/callbacks", "{\"url\":\"https://10.0.0.1/ferry\"}"), 400, "a private address");
        refused(acme.post("/api/v1/callbacks", "{\"url\":\"https://" + IntranetDns.HOST + "/ferry\"}"), 400,
                "resolves to " + IntranetDns.ADDRESS);
        refused(acme.post("/api/v1/callbacks", "{\"url\":\"https://127.0.0.1:9/ferry\"}"), 400, "a loopback address");
        refused(acme.post("/api/v1/callbacks", "{\"url\":\"https://169.254.169.254/latest\"}"), 400, "metadata");
        refused(acme.post("/api/v1/callbacks", "{\"url\":\"https://user:pw@hooks.example.com/\"}"), 400, "user name");
        refused(acme.post("/api/v1/callbacks", "{\"description\":\"no url\"}"), 400, "url is required");

        assertThat(acme.get("/api/v1/callbacks").json()).isEmpty();
        assertThat(acme.get("/api/v1/audit").json().toString()).doesNotContain("CALLBACK_ENDPOINT_ADDED");
    }

    @Test
    void anEventFerryDoesNotSendIsRefusedNamingTheKnownOnes() {
        refused(acme.post("/api/v1/callbacks", "{\"url\":\"" + receiver + "\",\"events\":[\"ticket.exploded\"]}"), 400,
                "unknown event ticket.exploded in events; known events: ticket.created, ticket.status_changed");
        refused(acme.post("/api/v1/callbacks", "{\"url\":\"" + receiver + "\",\"events\":[]}"), 400,
                "at least one");
        assertThat(acme.get("/api/v1/callbacks").json()).isEmpty();

        ProductApi.Reply added = acme.post("/api/v1/callbacks", "{\"url\":\"" + receiver
                + "\",\"events\":[\"ticket.created\",\"link.removed\"]}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().path("id").asString();
        refused(acme.patch("/api/v1/callbacks/" + id, "{\"url\":\"https://10.0.0.1/x\",\"events\":[\"ticket.moved\"]}"),
                400, "a private address");
        refused(acme.patch("/api/v1/callbacks/" + id, "{\"events\":[\"nope\"]}"), 400, "unknown event nope");
        var kept = acme.get("/api/v1/callbacks/" + id).json();
        assertThat(kept.path("url").asString()).isEqualTo(receiver);
        assertThat(kept.path("events").toString()).isEqualTo("[\"ticket.created\",\"link.removed\"]");
    }

    @Test
    void anotherOrganizationsIdsAreUnknown() {
        ProductApi.Reply added = acme.post("/api/v1/callbacks", "{\"url\":\"" + receiver + "\"}");
        String id = added.json().path("id").asString();
        long message = acme.post("/api/v1/callbacks/" + id + "/test", "").json().path("id").asLong();
        ProductApi other = journey.newOrganization("Other");

        refused(other.get("/api/v1/callbacks/" + id), 404, "no callback endpoint");
        refused(other.patch("/api/v1/callbacks/" + id, "{\"enabled\":false}"), 404, "no callback endpoint");
        refused(other.delete("/api/v1/callbacks/" + id), 404, "no callback endpoint");
        refused(other.post("/api/v1/callbacks/" + id + "/rotate-secret", ""), 404, "no callback endpoint");
        refused(other.post("/api/v1/callbacks/" + id + "/test", ""), 404, "no callback endpoint");
        refused(other.get("/api/v1/callbacks/" + id + "/attempts"), 404, "no callback endpoint");
        refused(other.post("/api/v1/callbacks/messages/" + message + "/retry", ""), 404, "no callback message");
        assertThat(other.get("/api/v1/callbacks").json()).isEmpty();

        var still = acme.get("/api/v1/callbacks/" + id).json();
        assertThat(still.path("enabled").asBoolean()).isTrue();
        assertThat(acme.get("/api/v1/callbacks/" + id + "/attempts").json()).hasSize(1);
    }

    @Test
    void aRedirectIsAFailedAttemptNeverFollowed() throws Exception {
        try (CallbackReceiver hooks = new CallbackReceiver(journey.callbackPort())) {
            ProductApi.Reply added = acme.post("/api/v1/callbacks", "{\"url\":\"" + receiver + "\"}");
            hooks.trust(added.json().path("secret").asString());
            String id = added.json().path("id").asString();
            hooks.answer(307);
            acme.post("/api/v1/callbacks/" + id + "/test", "");
            CallbackDrain.drain(context);

            assertThat(hooks.received()).hasSize(1);
            var message = acme.get("/api/v1/callbacks/" + id + "/attempts").json().get(0);
            assertThat(message.path("status").asString()).isEqualTo("PENDING");
            assertThat(message.path("lastHttpStatus").asInt()).isEqualTo(307);
            assertThat(message.path("lastError").asString()).isEqualTo("the endpoint answered 307");
        }
    }

    @Test
    void aRotatedSecretIsShownOnceAndDiffers() {
        ProductApi.Reply added = acme.post("/api/v1/callbacks", "{\"url\":\"" + receiver + "\"}");
        String id = added.json().path("id").asString();
        String first = added.json().path("secret").asString();
        String rotated = acme.post("/api/v1/callbacks/" + id + "/rotate-secret", "").json().path("secret").asString();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(first);
        assertThat(java.util.Base64.getDecoder().decode(rotated.substring(6))).hasSize(32);
        assertThat(acme.get("/api/v1/callbacks").body()).doesNotContain(rotated).doesNotContain(first);
        assertThat(acme.get("/api/v1/audit").json().toString()).contains("CALLBACK_SECRET_ROTATED");
        assertThat(acme.delete("/api/v1/callbacks/" + id).status()).isEqualTo(204);
        refused(acme.get("/api/v1/callbacks/" + id), 404, "no callback endpoint");
    }
}
