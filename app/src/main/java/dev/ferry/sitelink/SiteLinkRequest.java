package dev.ferry.sitelink;

import dev.ferry.site.Site;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organization's request to link a Jira site, open until a Jira administrator of that site confirms or
 * declines it (or the one-time code shown to them is typed back), it is cancelled, or it expires.
 */
@Table("site_link_request")
class SiteLinkRequest {

    static final int MAX_WRONG_CODES = 5;

    @Id
    private Long id;
    @Version
    private Long version;
    private final String organizationId;
    private final String siteEntered;
    private String siteUrl;
    private String cloudId;
    private String clientKey;
    private final String requestedBy;
    private final String requestedByName;
    private final Instant requestedAt;
    private final Instant expiresAt;
    private LinkRequestState state;
    private String codeHash;
    private Instant codeExpiresAt;
    private int wrongCodes;
    private String confirmedBy;
    private Instant closedAt;

    @PersistenceCreator
    SiteLinkRequest(Long id, Long version, String organizationId, String siteEntered, String siteUrl, String cloudId,
            String clientKey, String requestedBy, String requestedByName, Instant requestedAt, Instant expiresAt,
            LinkRequestState state, String codeHash, Instant codeExpiresAt, int wrongCodes, String confirmedBy,
            Instant closedAt) {
        this.id = id;
        this.version = version;
        this.organizationId = organizationId;
        this.siteEntered = siteEntered;
        this.siteUrl = siteUrl;
        this.cloudId = cloudId;
        this.clientKey = clientKey;
        this.requestedBy = requestedBy;
        this.requestedByName = requestedByName;
        this.requestedAt = requestedAt;
        this.expiresAt = expiresAt;
        this.state = state;
        this.codeHash = codeHash;
        this.codeExpiresAt = codeExpiresAt;
        this.wrongCodes = wrongCodes;
        this.confirmedBy = confirmedBy;
        this.closedAt = closedAt;
    }

    /** A request for a site Ferry is installed on: it waits for the site's administrator. */
    static SiteLinkRequest pending(Requester requester, String entered, Site site, Instant now, Duration lifetime) {
        return new SiteLinkRequest(null, null, requester.organizationId(), entered, site.installation().baseUrl(),
                site.installation().cloudId(), site.clientKey(), requester.actor(), requester.name(), now,
                now.plus(lifetime), LinkRequestState.PENDING, null, null, 0, null, null);
    }

    /** A request for a site without Ferry: it waits for the install, recognised by URL or site ID. */
    static SiteLinkRequest awaitingInstall(Requester requester, String entered, String siteUrl, String cloudId,
            Instant now, Duration lifetime) {
        return new SiteLinkRequest(null, null, requester.organizationId(), entered, siteUrl, cloudId, null,
                requester.actor(), requester.name(), now, now.plus(lifetime), LinkRequestState.AWAITING_INSTALL, null,
                null, 0, null, null);
    }

    /** Ferry was installed on the site this request waits for. */
    void siteInstalled(String installedClientKey, String baseUrl) {
        if (state == LinkRequestState.AWAITING_INSTALL) {
            clientKey = installedClientKey;
            siteUrl = baseUrl;
            state = LinkRequestState.PENDING;
        }
    }

    /** Marks the request expired once its time is up; true when that happened now. */
    boolean expireIfDue(Instant now) {
        if (state.isOpen() && !now.isBefore(expiresAt)) {
            state = LinkRequestState.EXPIRED;
            closedAt = now;
            return true;
        }
        return false;
    }

    /** A fresh code replaces the last one; only its hash is kept. */
    void issueCode(String code, Instant now, Duration lifetime) {
        requireState(LinkRequestState.PENDING);
        codeHash = LinkCodes.hash(id, code);
        codeExpiresAt = now.plus(lifetime);
    }

    /** Checks a typed code; wrong ones are counted and the fifth cancels the request. */
    CodeCheck checkCode(String typed, Instant now) {
        requireState(LinkRequestState.PENDING);
        if (codeHash == null) {
            return CodeCheck.NONE_ISSUED;
        }
        if (!now.isBefore(codeExpiresAt)) {
            return CodeCheck.EXPIRED;
        }
        byte[] expected = codeHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = LinkCodes.hash(id, typed).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(expected, actual)) {
            return CodeCheck.MATCHES;
        }
        if (++wrongCodes >= MAX_WRONG_CODES) {
            cancel(now);
            return CodeCheck.TOO_MANY_WRONG;
        }
        return CodeCheck.WRONG;
    }

    /** @param by the confirming Jira administrator's accountId, or {@code code} */
    void confirm(String by, Instant now) {
        requireState(LinkRequestState.PENDING);
        state = LinkRequestState.CONFIRMED;
        confirmedBy = by;
        codeHash = null;
        closedAt = now;
    }

    /** A Jira administrator said no; their accountId goes to the audit log, not here. */
    void decline(Instant now) {
        requireState(LinkRequestState.PENDING);
        state = LinkRequestState.DECLINED;
        codeHash = null;
        closedAt = now;
    }

    void cancel(Instant now) {
        if (state.isOpen()) {
            state = LinkRequestState.CANCELLED;
            codeHash = null;
            closedAt = now;
        }
    }

    private void requireState(LinkRequestState required) {
        if (state != required) {
            throw new IllegalStateException("request " + id + " is " + state + ", not " + required);
        }
    }

    /** What a typed code turned out to be. */
    enum CodeCheck {
        MATCHES, WRONG, TOO_MANY_WRONG, EXPIRED, NONE_ISSUED
    }

    Long id() {
        return id;
    }

    String organizationId() {
        return organizationId;
    }

    String siteEntered() {
        return siteEntered;
    }

    String siteUrl() {
        return siteUrl;
    }

    String cloudId() {
        return cloudId;
    }

    String clientKey() {
        return clientKey;
    }

    String requestedBy() {
        return requestedBy;
    }

    String requestedByName() {
        return requestedByName;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    LinkRequestState state() {
        return state;
    }

    Instant closedAt() {
        return closedAt;
    }

    int wrongCodes() {
        return wrongCodes;
    }

    boolean belongsTo(String organization) {
        return organizationId.equals(organization);
    }
}
