package dev.ferry.support;

import dev.ferry.admin.ApiKeys;
import dev.ferry.admin.Onboarding;
import dev.ferry.principal.ApiScope;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.test.context.TestComponent;

/**
 * Creates organizations with an API key, through the same code the operator endpoint uses (so
 * {@code OrganizationCreated} listeners run). Every {@code @FerryIntegrationTest} has it:
 *
 * <pre>{@code
 * @Autowired Organizations organizations;
 *
 * var acme = organizations.create("Acme", ApiScope.EVENTS_WRITE);   // no scopes given: every scope
 * http.post("/api/v1/events", body, acme.auth());                   // Authorization: Bearer fy_…
 * var reader = organizations.key(acme.id(), ApiScope.LINKS_READ);   // a second key, narrower
 * }</pre>
 */
@TestComponent
public class Organizations {

    private final Onboarding onboarding;
    private final ApiKeys keys;

    Organizations(Onboarding onboarding, ApiKeys keys) {
        this.onboarding = onboarding;
        this.keys = keys;
    }

    /** An organization with the default preset ({@code experimentation}) and a key with these scopes. */
    public Org create(String name, ApiScope... scopes) {
        return create(name, "experimentation", scopes);
    }

    /** @param preset {@code experimentation} or {@code none} (no event catalog seeded) */
    public Org create(String name, String preset, ApiScope... scopes) {
        var onboarded = onboarding.create(name, preset);
        if (scopes.length == 0) {
            return new Org(onboarded.organizationId(), onboarded.apiKey().id(), onboarded.apiKey().key());
        }
        return key(onboarded.organizationId(), scopes);
    }

    /** Another key of an existing organization; no scopes given: every scope. */
    public Org key(String organizationId, ApiScope... scopes) {
        Set<ApiScope> granted = scopes.length == 0 ? EnumSet.allOf(ApiScope.class) : EnumSet.of(scopes[0], scopes);
        var issued = keys.issue(organizationId, "test key", granted, "test");
        return new Org(organizationId, issued.id(), issued.key());
    }

    /**
     * An organization as a test holds it.
     *
     * @param key the full API key, {@code fy_<prefix>_<secret>}
     */
    public record Org(String id, String keyId, String key) {

        /** {@code Authorization: Bearer <key>} as {@link Http} takes headers. */
        public String[] auth() {
            return new String[] {"Authorization", "Bearer " + key};
        }
    }
}
