package dev.ferry.link;

/** How a link came to be. */
public enum LinkOrigin {
    /** Filed by Ferry from a product event. */
    AUTOMATIC,
    /** Linked by a person, by issue key. */
    MANUAL,
    /** A test ticket sent from the admin UI. */
    TEST,
    /** A ticket a person or the product filed by hand for the object. */
    HAND
}
