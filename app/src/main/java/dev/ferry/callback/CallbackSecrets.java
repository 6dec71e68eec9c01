package dev.ferry.callback;

import dev.ferry.crypto.Sealed;
import dev.ferry.crypto.SecretCipher;
import org.springframework.stereotype.Component;

/** Seals an endpoint's signing secret, bound to its row, and opens it to sign; the text is never stored in the clear. */
@Component
class CallbackSecrets {

    private final SecretCipher cipher;

    CallbackSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    Sealed seal(String endpointId, String secret) {
        return cipher.seal(secret, context(endpointId));
    }

    String open(CallbackEndpoint endpoint) {
        return cipher.open(endpoint.secret(), context(endpoint.id()));
    }

    private static String context(String endpointId) {
        return "callback_endpoint.secret:" + endpointId;
    }
}
