package dev.ferry.people;

import dev.ferry.refusal.Refusal;

/** A page asked for as {@code limit} (1–200, 50 when left out) and {@code offset} (0 when left out). */
record Paging(int limit, int offset) {

    static final int MAX = 200;

    // Parameters arrive as text so that every malformed one gets the same explained 400.
    static Paging parse(String limit, String offset) {
        return new Paging(number("limit", limit, 50, 1, MAX), number("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            Refusal.require(value >= min && value <= max, name + " must be between " + min + " and " + max);
            return value;
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name + " must be a whole number between " + min + " and " + max);
        }
    }
}
