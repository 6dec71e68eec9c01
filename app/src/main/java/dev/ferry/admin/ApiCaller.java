package dev.ferry.admin;

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

    /** The actor written into the audit log. */
    @Override
    public String actor() {
        return "api-key:" + keyId;
    }
}
