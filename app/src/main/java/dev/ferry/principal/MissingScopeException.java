package dev.ferry.principal;

import dev.ferry.web.ApiProblem;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** The API key is valid but lacks the scope this call needs, or scopes it tried to grant: 403. */
public class MissingScopeException extends ApiProblem {

    public MissingScopeException(ApiScope scope) {
        super(HttpStatus.FORBIDDEN, "Missing scope", "this API key lacks the scope " + scope.value());
    }

    MissingScopeException(Set<ApiScope> ungrantable) {
        super(HttpStatus.FORBIDDEN, "Missing scope", "a key can grant only scopes it holds; this API key lacks "
                + String.join(", ", ungrantable.stream().sorted().map(ApiScope::value).toList()));
    }
}
