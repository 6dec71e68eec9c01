package dev.ferry.refusal;

/** The {@code limit} query parameter of a listing: how many items a page may hold, refused in words when off. */
public final class PageLimit {

    private PageLimit() {
    }

    /** A whole number from 1 to {@code max}; {@code fallback} when not given. */
    public static int parse(String text, int fallback, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw Refusal.invalid("limit must be a whole number from 1 to " + max);
    }
}
