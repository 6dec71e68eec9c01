package dev.ferry.account;

/** A form input the admin UI refuses; its message is shown on the page, so it never holds a secret. */
class Refusal extends RuntimeException {

    Refusal(String message) {
        super(message);
    }

    static void unless(boolean condition, String message) {
        if (!condition) {
            throw new Refusal(message);
        }
    }
}
