package dev.ferry.principal;

import dev.ferry.refusal.Refusal;
import java.util.Set;

/** The API key is valid but lacks the scope this call needs, or scopes it tried to grant: forbidden. */
public class MissingScopeException extends Refusal {

    public MissingScopeException(ApiScope scope) {
        super(Kind.FORBIDDEN, "Missing scope", "this API key lacks the scope " + scope.value());
    }

    MissingScopeException(Set<ApiScope> ungrantable) {
        super(Kind.FORBIDDEN, "Missing scope", "a key can grant only scopes it holds; this API key lacks "
                + String.join(", ", ungrantable.stream().sorted().map(ApiScope::value).toList()));
    }
}
