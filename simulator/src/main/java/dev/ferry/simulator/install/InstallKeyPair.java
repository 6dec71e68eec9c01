package dev.ferry.simulator.install;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.UUID;

/** The RSA key that signs installs, and its public half as the PEM SPKI text a key server serves for its kid. */
public final class InstallKeyPair {

    private final KeyPair keys;
    private final String kid;

    private InstallKeyPair(KeyPair keys, String kid) {
        this.keys = keys;
        this.kid = kid;
    }

    public static InstallKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            // Atlassian's kids look like paths ("jira/ab12..."); one with a slash checks the app keeps them whole.
            return new InstallKeyPair(generator.generateKeyPair(), "simulator/" + UUID.randomUUID());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kid() {
        return kid;
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    public String publicPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
