package dev.ferry.principal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling the product API: the organization an authenticated API key belongs to and what the
 * key may do. Controllers take it as a parameter; they never see the key itself.
 */
public record ApiCaller(String organizationId, String keyId, Set<ApiScope> scopes) implements Caller {

    /** Refuses (403 problem) unless the key has {@code scope}. */
    public void require(ApiScope scope) {
        if (!scopes.contains(scope)) {
            throw new MissingScopeException(scope);
        }
    }

    /** Refuses (403 problem naming them) scopes this key does not hold itself, so no key can mint a stronger one. */
    public void requireAll(Set<ApiScope> wanted) {
        Set<ApiScope> lacking = EnumSet.noneOf(ApiScope.class);
        lacking.addAll(wanted);
        lacking.removeAll(scopes);
        if (!lacking.isEmpty()) {
            throw new MissingScopeException(lacking);
        }
    }

    /** The actor written into the audit log. */
    @Override
    public String actor() {
        return "api-key:" + keyId;
    }
}
