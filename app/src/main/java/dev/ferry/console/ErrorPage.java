package dev.ferry.console;

/** The one error page's view-model: what went wrong, in words a person can act on. */
record ErrorPage(String heading, String message) {

    /** A refusal of a service ("no destination d1") reads as a sentence on the page. */
    ErrorPage {
        message = Shown.sentence(message);
    }
}
