package dev.ferry.objectstate;

/** What the product said about its object. */
enum ChangeKind {
    /** A new state, such as {@code acknowledged} or {@code archived}; the object's links show it too. */
    STATE,
    /** Words for the tickets, the object's state unchanged. */
    COMMENT
}
