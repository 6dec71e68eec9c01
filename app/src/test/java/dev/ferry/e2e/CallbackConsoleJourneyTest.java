package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.callback.CallbackDrain;
import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Organizations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An Admin runs callbacks from the console: adds an endpoint and copies its secret, shown once; sends a test event
 * and reads the endpoint's answer; sends a failed message again; edits the events; rotates the secret; deletes the
 * endpoint after confirming. Members see none of it; another organization's endpoint is not found.
 */
@FerryJourney
class CallbackConsoleJourneyTest {

    static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{44}");
    static final Pattern ENDPOINT = Pattern.compile("/admin/callbacks/([0-9a-f-]{36})/test");

    @Autowired
    ApplicationContext context;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    Journey journey;
    Organizations.Org org;
    ConsoleClient admin;
    CallbackReceiver receiver;
    String url;

    @BeforeEach
    void anAdminSignsIn(Journey journey) throws Exception {
        this.journey = journey;
        org = organizations.create("Acme Callbacks");
        admin = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.ADMIN));
        receiver = new CallbackReceiver(journey.callbackPort());
        url = receiver.url(journey.callbackPort());
    }

    @AfterEach
    void closeTheReceiver() {
        receiver.close();
    }

    @Test
    void anAdminAddsTestsRetriesEditsRotatesAndDeletesAnEndpoint() {
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/callbacks\"");
        var refused = admin.post("/admin/callbacks", "url", "https://10.0.0.1/hooks", "events", "ticket.created");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("a private address").contains("No callback endpoints yet.");

        var added = admin.post("/admin/callbacks", "url", url, "description", "Ticket news", "events", "ticket.created",
                "events", "ticket.deleted");
        assertThat(added.statusCode()).isEqualTo(201);
        String secret = first(SECRET, added.body());
        String id = first(ENDPOINT, added.body());
        receiver.trust(secret);
        assertThat(admin.get("/admin/callbacks").body()).contains(url).contains("ticket.created, ticket.deleted")
                .doesNotContain(secret);
        assertThat(admin.get("/admin/callbacks/" + id).body()).doesNotContain(secret);

        receiver.answer(503);
        CallbackDrain.endRetryWindows(context);
        assertThat(admin.post("/admin/callbacks/" + id + "/test").statusCode()).isEqualTo(303);
        CallbackDrain.endRetryWindows(context);
        CallbackDrain.drain(context);
        String failed = admin.get("/admin/callbacks/" + id).body();
        assertThat(failed).contains("callback.test").contains("FAILED").contains("answer 503");
        String message = first(Pattern.compile("/admin/callbacks/messages/(\\d+)/retry"), failed);
        assertThat(admin.post("/admin/callbacks/messages/" + message + "/retry").statusCode()).isEqualTo(303);
        CallbackDrain.drain(context);
        assertThat(admin.get("/admin/callbacks/" + id).body()).contains("DELIVERED").contains("answer 200");
        assertThat(receiver.received()).allSatisfy(request -> assertThat(request.signatureValid()).isTrue());

        assertThat(admin.post("/admin/callbacks/" + id, "url", url, "description", "Only moves", "enabled", "true",
                "events", "ticket.moved").statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/callbacks").body()).contains("Only moves").contains(">ticket.moved<");

        var rotated = admin.post("/admin/callbacks/" + id + "/rotate-secret");
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(first(SECRET, rotated.body())).isNotEqualTo(secret);

        assertThat(admin.get("/admin/callbacks/" + id + "/delete").body()).contains("Delete endpoint");
        assertThat(admin.post("/admin/callbacks/" + id + "/delete").statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/callbacks").body()).contains("No callback endpoints yet.");
        assertThat(admin.get("/admin/audit").body()).contains("CALLBACK").doesNotContain(secret);
    }

    @Test
    void membersSeeNoCallbacksAndAnotherOrganizationsEndpointIsNotFound() {
        var added = admin.post("/admin/callbacks", "url", url, "events", "ticket.created");
        String id = first(ENDPOINT, added.body());

        ConsoleClient member = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.MEMBER));
        assertThat(member.get("/admin").body()).doesNotContain("href=\"/admin/callbacks\"");
        assertThat(member.get("/admin/callbacks").statusCode()).isEqualTo(403);
        assertThat(member.get("/admin/callbacks/" + id).statusCode()).isEqualTo(403);
        assertThat(member.post("/admin/callbacks/" + id + "/rotate-secret").statusCode()).isEqualTo(403);

        Organizations.Org other = organizations.create("Other");
        ConsoleClient stranger = ConsoleClient.signIn(journey.port(), people.create(other.id(), Role.ADMIN));
        assertThat(stranger.get("/admin/callbacks/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.post("/admin/callbacks/" + id + "/delete").statusCode()).isEqualTo(404);
        assertThat(stranger.post("/admin/callbacks/" + id + "/rotate-secret").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/callbacks").body()).contains(url);
    }

    private static String first(Pattern pattern, String page) {
        // the page is HTML: mustache writes = as &#61;, which a browser shows as =
        Matcher found = pattern.matcher(page.replace("&#61;", "=").replace("&#x3D;", "=").replace("&#x2F;", "/"));
        assertThat(found.find()).as(pattern + " in " + page).isTrue();
        return found.groupCount() == 0 ? found.group() : found.group(1);
    }
}
