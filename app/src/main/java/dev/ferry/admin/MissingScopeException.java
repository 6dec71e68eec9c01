package dev.ferry.admin;

/** The API key is valid but lacks the scope this call needs: 403. */
public class MissingScopeException extends RuntimeException {

    public MissingScopeException(ApiScope scope) {
        super("this API key lacks the scope " + scope.value());
    }
}
