package dev.ferry.admin;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.persistence.KeptLookups;
import dev.ferry.persistence.LookupCacheProperties;
import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists, revokes and checks an organization's API keys. Every product API call presents one, so a key is kept
 * by the hash of its secret for the lookup cache's time to live ({@code ferry.lookup-cache.ttl}, 1 s by default): a
 * key revoked on this node is refused at once, one revoked through another node within that time.
 */
@Service
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    static final String CHALLENGE = "Bearer realm=\"ferry\"";
    static final String INVALID_CHALLENGE = "Bearer realm=\"ferry\", error=\"invalid_token\"";

    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final AdminProperties properties;
    private final Clock clock;
    private final KeptLookups<ApiKey> bySecretHash;

    ApiKeys(ApiKeyRepository keys, AuditLog audit, AdminProperties properties, LookupCacheProperties cache, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.bySecretHash = new KeptLookups<>(cache::ttl, clock);
    }

    /** A new key of the organization; its text is in the answer and nowhere else. */
    @Transactional
    public IssuedKey issue(String organizationId, String name, Set<ApiScope> scopes, String actor) {
        KeyMaterial material = KeyMaterial.generate();
        ApiKey key = keys.save(ApiKey.issue(organizationId, name, scopes, material, clock.instant()));
        audit.record(organizationId, actor, AuditAction.API_KEY_CREATED, key.getId(),
                "name=" + key.name() + " scopes=" + Scopes.join(key.scopes()));
        log.info("API key {} ({}) issued for organization {}", key.getId(), KeyMaterial.shown(key.prefix()), organizationId);
        return new IssuedKey(key.getId(), key.name(), key.prefix(), Scopes.values(key.scopes()), key.createdAt(),
                material.key());
    }

    List<ApiKey> list(String organizationId) {
        return keys.findByOrganizationIdOrderByCreatedAtDesc(organizationId);
    }

    /** The organization's key with this id; another organization's key is as absent as an unknown one. */
    Optional<ApiKey> find(String organizationId, String keyId) {
        return keys.findById(keyId).filter(key -> key.organizationId().equals(organizationId));
    }

    /** The name its organization gave a key, to show people instead of its id. */
    public Optional<String> name(String organizationId, String keyId) {
        return find(organizationId, keyId).map(ApiKey::name);
    }

    /** Another organization's key is answered as unknown, so ids of other tenants reveal nothing. */
    @Transactional
    void revoke(Caller caller, String keyId) {
        ApiKey key = find(caller.organizationId(), keyId)
                .orElseThrow(() -> Refusal.notFound("no API key " + keyId + " in this organization"));
        if (key.revoke(clock.instant())) {
            keys.save(key);
            bySecretHash.forgetWhenCommitted(key.secretHash());
            audit.record(caller.organizationId(), caller.actor(), AuditAction.API_KEY_REVOKED, key.getId(),
                    "name=" + key.name());
            log.info("API key {} revoked by {}", key.getId(), caller.actor());
        }
    }

    /** The caller a presented bearer key stands for; refuses one Ferry does not accept, saying why. */
    ApiCaller authenticate(String presented) {
        if (!KeyMaterial.wellFormed(presented)) {
            throw new KeyRefused("the bearer token is not a Ferry API key");
        }
        String hash = KeyMaterial.hash(presented);
        ApiKey key = bySecretHash.get(hash, keys::findBySecretHash)
                .orElseThrow(() -> new KeyRefused("the API key is not known"));
        if (key.isRevoked()) {
            throw new KeyRefused("the API key was revoked");
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.keyLastUsedInterval());
        if (key.lastUsedBefore(cutoff)) {
            keys.touch(key.getId(), now, cutoff);
            // The kept copy still has the old time: read the key again rather than touch on every call.
            bySecretHash.forget(hash);
        }
        return key.caller();
    }

    /** A presented key Ferry does not accept; {@link ApiKeyInterceptor} answers it as HTTP's 401 with its challenge. */
    static final class KeyRefused extends RuntimeException {

        KeyRefused(String reason) {
            super(reason);
        }
    }
}
