package dev.ferry.sitelink;

import dev.ferry.site.Site;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** That a site works for one organization, since when and on whose word. */
@Table("site_link")
class SiteLink implements Persistable<String> {

    @Id
    private final String clientKey;
    private final String organizationId;
    private final Instant linkedAt;
    private final String linkedBy;
    private final Instant credentialsRejectedAt;
    private final String credentialsError;
    // The clientKey is Jira's, not the database's, so Spring Data cannot tell a new row from an old one by itself.
    @Transient
    private final boolean isNew;

    @PersistenceCreator
    SiteLink(String clientKey, String organizationId, Instant linkedAt, String linkedBy, Instant credentialsRejectedAt,
            String credentialsError) {
        this(clientKey, organizationId, linkedAt, linkedBy, credentialsRejectedAt, credentialsError, false);
    }

    private SiteLink(String clientKey, String organizationId, Instant linkedAt, String linkedBy,
            Instant credentialsRejectedAt, String credentialsError, boolean isNew) {
        this.clientKey = clientKey;
        this.organizationId = organizationId;
        this.linkedAt = linkedAt;
        this.linkedBy = linkedBy;
        this.credentialsRejectedAt = credentialsRejectedAt;
        this.credentialsError = credentialsError;
        this.isNew = isNew;
    }

    /** A new link; only an installed site can be linked, since Ferry has no credentials for any other. */
    static SiteLink link(Site site, String organizationId, String actor, Instant now) {
        if (!site.isInstalled()) {
            throw new IllegalStateException(site + " is not installed");
        }
        return new SiteLink(site.clientKey(), organizationId, now, actor, null, null, true);
    }

    /** A link for an API-token or OAuth connection, under the connection's id: Ferry holds its credentials already. */
    static SiteLink connection(String connectionId, String organizationId, String actor, Instant now) {
        return new SiteLink(connectionId, organizationId, now, actor, null, null, true);
    }

    boolean belongsTo(String organization) {
        return organizationId.equals(organization);
    }

    @Override
    public String getId() {
        return clientKey;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    String organizationId() {
        return organizationId;
    }
}
