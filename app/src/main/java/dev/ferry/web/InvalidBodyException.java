package dev.ferry.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** A request body refused field by field: 400 listing every error found, not only the first. */
public class InvalidBodyException extends ApiProblem {

    /** The one title of every request-body refusal, whichever check found it. */
    public static final String TITLE = "Invalid request body";

    private final List<BodyError> errors;

    public InvalidBodyException(List<BodyError> errors) {
        super(HttpStatus.BAD_REQUEST, TITLE, errors.stream().map(BodyError::detail).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** One field refused. */
    public static InvalidBodyException of(String pointer, String detail) {
        return new InvalidBodyException(List.of(new BodyError(pointer, detail)));
    }

    public List<BodyError> errors() {
        return errors;
    }
}
