package dev.ferry.admin;

import dev.ferry.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The API key is valid but lacks the scope this call needs: 403. */
public class MissingScopeException extends ApiProblem {

    public MissingScopeException(ApiScope scope) {
        super(HttpStatus.FORBIDDEN, "Missing scope", "this API key lacks the scope " + scope.value());
    }
}
