package dev.ferry.crypto;

/** Ferry may not make up its own key here: every node must seal and open secrets with one shared key. */
public class MissingSecretKeyException extends IllegalStateException {

    static final String HOW_TO_MAKE_ONE = "Make a key once with `openssl rand -base64 32` and give the same value to "
            + "every node as the environment variable FERRY_SECRET_KEY (or --ferry.secret-key=...). Moving from H2? Use "
            + "the content of its key file (ferry.secret-key-file, default ./data/secret.key), or the secrets it "
            + "sealed stay unreadable.";

    MissingSecretKeyException(String where) {
        super("ferry.secret-key (env FERRY_SECRET_KEY) is not set, and Ferry needs it " + where
                + "; refusing to start. " + HOW_TO_MAKE_ONE);
    }
}
