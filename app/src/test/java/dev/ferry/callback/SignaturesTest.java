package dev.ferry.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    /** The test vector of the Standard Webhooks reference libraries (checked with openssl as well). */
    @Test
    void theSignatureMatchesTheStandardWebhooksTestVector() {
        String signature = Signatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anotherTimestampOrBodyGivesAnotherSignature() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signed = Signatures.sign(secret, "msg_1", 1614265330L, "{}");

        assertThat(Signatures.sign(secret, "msg_1", 1614265331L, "{}")).isNotEqualTo(signed);
        assertThat(Signatures.sign(secret, "msg_1", 1614265330L, "{ }")).isNotEqualTo(signed);
        assertThat(Signatures.sign(secret, "msg_2", 1614265330L, "{}")).isNotEqualTo(signed);
    }

    @Test
    void aNewSecretIsWhsecAndBase64OfThirtyTwoRandomBytes() {
        String secret = Signatures.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(Signatures.newSecret()).isNotEqualTo(secret);
    }
}
