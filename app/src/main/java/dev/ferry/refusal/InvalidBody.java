package dev.ferry.refusal;

import java.util.List;
import java.util.stream.Collectors;

/** A request body refused field by field, listing every refused field, not only the first. */
public class InvalidBody extends Refusal {

    /** The one title of every request-body refusal, whichever check found it. */
    public static final String TITLE = "Invalid request body";

    private final List<BodyError> errors;

    public InvalidBody(List<BodyError> errors) {
        super(Kind.INVALID, TITLE, errors.stream().map(BodyError::detail).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** One field refused. */
    public static InvalidBody of(String pointer, String detail) {
        return new InvalidBody(List.of(new BodyError(pointer, detail)));
    }

    public List<BodyError> errors() {
        return errors;
    }
}
