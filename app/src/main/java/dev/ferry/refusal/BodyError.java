package dev.ferry.refusal;

/**
 * One thing wrong with a request body, as an entry of a problem's {@code errors} member (the shape RFC 9457's
 * own example uses).
 *
 * @param pointer where, as a JSON Pointer (RFC 6901) into the body; empty for the body as a whole
 * @param detail  what is wrong there and what was expected, naming the field
 */
public record BodyError(String pointer, String detail) {
}
