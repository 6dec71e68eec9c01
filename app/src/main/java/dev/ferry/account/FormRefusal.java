package dev.ferry.account;

/** A form input the admin UI refuses; its message is shown on the page, so it never holds a secret. */
class FormRefusal extends RuntimeException {

    FormRefusal(String message) {
        super(message);
    }

    static void unless(boolean condition, String message) {
        if (!condition) {
            throw new FormRefusal(message);
        }
    }
}
