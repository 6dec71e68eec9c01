package dev.ferry.activity;

/**
 * The filters of a list, an export or the console, as typed (each may be null or blank). Dates are ISO-8601
 * instants, or days ({@code 2026-03-01}, UTC): {@code from} a day's start, {@code to} the end of its day.
 */
record ActivityParams(String person, String connection, String source, String kind, String from, String to,
        String order, String cursor) {
}
