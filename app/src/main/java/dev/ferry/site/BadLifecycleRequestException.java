package dev.ferry.site;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A verified lifecycle call whose body Ferry cannot accept; answered 400 with the reason. */
class BadLifecycleRequestException extends ErrorResponseException {

    BadLifecycleRequestException(String reason) {
        super(HttpStatus.BAD_REQUEST, problem(reason), null);
    }

    private static ProblemDetail problem(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
        problem.setTitle("Invalid lifecycle callback");
        return problem;
    }
}
