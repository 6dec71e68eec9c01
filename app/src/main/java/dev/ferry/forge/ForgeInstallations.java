package dev.ferry.forge;

import dev.ferry.connect.InvalidTokenException;
import dev.ferry.crypto.SecretCipher;
import dev.ferry.persistence.KeptLookups;
import dev.ferry.site.ForgeReach;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The installations Ferry keeps, as the gate and the site directory ask for them: whether an installation may still
 * call, the site it serves, and the app system token it last handed over. Both ask on every call, so answers are
 * kept in memory for {@code ferry.forge.installations.cache-ttl}, and the database is written only when a call
 * brings a token that outlives the one held.
 */
@Component
class ForgeInstallations implements ForgeAdmission, ForgeReach {

    private static final Logger log = LoggerFactory.getLogger(ForgeInstallations.class);

    private final ForgeInstallationStore store;
    private final SecretCipher cipher;
    private final SystemTokens tokens;
    private final Clock clock;
    private final KeptLookups<View> byInstallation;
    private final KeptLookups<View> bySite;

    ForgeInstallations(ForgeInstallationStore store, SecretCipher cipher, SystemTokens tokens,
            ForgeInstallationsProperties properties, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.tokens = tokens;
        this.clock = clock;
        this.byInstallation = new KeptLookups<>(properties::cacheTtl, clock);
        this.bySite = new KeptLookups<>(properties::cacheTtl, clock);
    }

    @Override
    public String admit(ForgeInvocation invocation, String systemToken) {
        String id = ForgeInstallation.uuid(invocation.installationId());
        Optional<View> view = byInstallation.get(id, this::load);
        if (view.isEmpty()) {
            return null;
        }
        ForgeInstallation known = view.get().installation();
        if (!known.live()) {
            throw new InvalidTokenException("the Forge installation " + id + " was uninstalled");
        }
        if (!known.cloudId().equals(invocation.cloudId())) {
            throw new InvalidTokenException("the token's context.cloudId is not the cloudId of Forge installation " + id);
        }
        if (!sameUrl(known.apiBaseUrl(), invocation.apiBaseUrl())) {
            throw new InvalidTokenException("the token's app.apiBaseUrl is not the one of Forge installation " + id);
        }
        keep(known, systemToken);
        return known.siteKey();
    }

    @Override
    public Optional<Live> live(String siteKey) {
        return bySite.get(siteKey, key -> store.liveForSite(key).map(this::view))
                .map(view -> new Live(URI.create(view.installation().siteUrl()), view.installation().apiBaseUrl(),
                        view.token(), view.token() == null ? null : view.installation().tokenExpiresAt()));
    }

    /** Keeps the call's token when it outlives the one held; every call carries one, most the same as before. */
    void keep(ForgeInstallation known, String systemToken) {
        if (systemToken == null || !known.live()) {
            return;
        }
        Instant now = clock.instant();
        Instant expiresAt = tokens.expiresAt(systemToken, now);
        if (!expiresAt.isAfter(now) || known.tokenExpiresAt() != null && !expiresAt.isAfter(known.tokenExpiresAt())) {
            return;
        }
        String id = known.installationId();
        if (store.keepToken(id, cipher.seal(systemToken, ForgeInstallation.tokenContext(id)), expiresAt)) {
            log.info("Forge installation {}: kept a new app system token, valid until {}", id, expiresAt);
        }
        forget(id, known.siteKey());
    }

    /** This node sees its own change at once. */
    void forget(String installationId, String siteKey) {
        byInstallation.forget(installationId);
        bySite.forget(siteKey);
    }

    private Optional<View> load(String installationId) {
        return store.find(installationId).map(this::view);
    }

    /** The token in clear, only while it is valid; an expired one is as good as none. */
    private View view(ForgeInstallation installation) {
        boolean valid = installation.systemToken() != null && installation.tokenExpiresAt() != null
                && installation.tokenExpiresAt().isAfter(clock.instant());
        String token = valid ? cipher.open(installation.systemToken(),
                ForgeInstallation.tokenContext(installation.installationId())) : null;
        return new View(installation, token);
    }

    private static boolean sameUrl(URI stored, URI called) {
        return strip(stored).equals(strip(called));
    }

    private static String strip(URI uri) {
        return uri.toString().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    }

    /** An installation with its token opened (null when none valid is held); never printed. */
    private record View(ForgeInstallation installation, String token) {
        @Override
        public String toString() {
            return "View[" + installation + "]";
        }
    }
}
