package dev.ferry.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's callback receiver counts each message and tells a Standard Webhooks signature it can verify from one it cannot. */
class DemoCallbackReceiverTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "thirty-two bytes of demo secret!".getBytes(StandardCharsets.UTF_8));
    private static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "thirty-two other bytes of secret".getBytes(StandardCharsets.UTF_8));
    private static final String BODY = "{\"type\": \"ticket.created\", \"data\": {\"issueKey\": \"FERRY-3\"}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private DemoCallbackReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = DemoCallbackReceiver.start();
        receiver.secret(SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aMessageSignedWithTheEndpointsSecretIsCountedAsValidAndAnswered2xx() throws Exception {
        int status = post("msg_1", Instant.now().getEpochSecond(), SECRET, BODY);

        assertThat(status).isEqualTo(204);
        assertThat(receiver.received()).containsExactly(new DemoCallbackReceiver.Received("ticket.created", "msg_1", true));
    }

    @Test
    void aMessageSignedWithAnotherSecretIsCountedAsInvalid() throws Exception {
        int status = post("msg_2", Instant.now().getEpochSecond(), OTHER_SECRET, BODY);

        assertThat(status).isEqualTo(401);
        assertThat(receiver.received()).containsExactly(new DemoCallbackReceiver.Received("ticket.created", "msg_2", false));
    }

    @Test
    void aBodyChangedAfterSigningIsInvalid() throws Exception {
        long now = Instant.now().getEpochSecond();
        String signature = sign(SECRET, "msg_3", now, BODY);

        assertThat(receiver.valid("msg_3", Long.toString(now), "v1," + signature, BODY.replace("FERRY-3", "FERRY-4")))
                .isFalse();
        assertThat(receiver.valid("msg_3", Long.toString(now), "v1,bm90IGl0 v1," + signature, BODY))
                .as("any one of several signatures may match").isTrue();
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsInvalidEvenWhenSigned() throws Exception {
        long stale = Instant.now().minusSeconds(600).getEpochSecond();

        assertThat(receiver.valid("msg_4", Long.toString(stale), "v1," + sign(SECRET, "msg_4", stale, BODY), BODY)).isFalse();
    }

    private int post(String id, long timestamp, String secret, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url())).header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", "v1," + sign(secret, id, timestamp, body))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sign(String secret, String id, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
