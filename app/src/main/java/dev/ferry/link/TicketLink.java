package dev.ferry.link;

import dev.ferry.jira.JiraIssue;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/** A product object linked to a Jira issue on one site. */
@Table("ticket_link")
public class TicketLink {

    @Id
    private final Long id;
    @Version
    private Long version;
    private final String clientKey;
    private final String issueId;
    private String issueKey;
    private String statusName;
    private String statusCategory;
    private boolean issueDeleted;
    private Instant lastSyncedAt;
    private Instant lastEventAt;
    @Embedded.Empty(prefix = "object_")
    private final LinkedObject object;
    private final LinkOrigin origin;
    private final Instant createdAt;
    @Embedded.Empty
    private final LinkProvenance provenance;

    @PersistenceCreator
    TicketLink(Long id, Long version, String clientKey, String issueId, String issueKey, String statusName,
            String statusCategory, boolean issueDeleted, Instant lastSyncedAt, Instant lastEventAt, LinkedObject object,
            LinkOrigin origin, Instant createdAt, LinkProvenance provenance) {
        this.id = id;
        this.version = version;
        this.clientKey = clientKey;
        this.issueId = issueId;
        this.issueKey = issueKey;
        this.statusName = statusName;
        this.statusCategory = statusCategory;
        this.issueDeleted = issueDeleted;
        this.lastSyncedAt = lastSyncedAt;
        this.lastEventAt = lastEventAt;
        this.object = object;
        this.origin = origin;
        this.createdAt = createdAt;
        this.provenance = provenance;
    }

    public static TicketLink create(String clientKey, IssueState issue, LinkedObject object, LinkOrigin origin,
            LinkProvenance provenance, Instant now) {
        return new TicketLink(null, null, clientKey, issue.issueId(), issue.issueKey(), issue.statusName(),
                issue.statusCategory(), false, now, null, object, origin, now, provenance);
    }

    /** This link just {@link #create}d, as its insert stored it: with its id, and the version a new row starts at. */
    TicketLink stored(long newId) {
        return new TicketLink(newId, 0L, clientKey, issueId, issueKey, statusName, statusCategory, issueDeleted,
                lastSyncedAt, lastEventAt, object, origin, createdAt, provenance);
    }

    /** Whether a new firing of the same event should comment on this ticket rather than file another. */
    public boolean isOpen() {
        return !issueDeleted && !"done".equals(statusCategory);
    }

    /** A status read from Jira on request; it does not count as an event, so webhooks still order correctly. */
    void synced(IssueState issue, Instant now) {
        issueKey = issue.issueKey();
        statusName = issue.statusName();
        statusCategory = issue.statusCategory();
        issueDeleted = false;
        lastSyncedAt = now;
    }

    /** As {@link #synced}, from Jira's answer about the issue. */
    void syncedWith(JiraIssue issue, Instant now) {
        synced(new IssueState(issue.id(), issue.key(), issue.statusName(), issue.statusCategory(), now), now);
    }

    /** Whether Jira's view of the issue differs from what this link shows. */
    boolean changesWith(JiraIssue issue) {
        return issueDeleted || !Objects.equals(issueKey, issue.key())
                || !Objects.equals(statusName, issue.statusName())
                || !Objects.equals(statusCategory, issue.statusCategory());
    }

    void issueGone(Instant now) {
        issueDeleted = true;
        lastSyncedAt = now;
    }

    public Long id() {
        return id;
    }

    public String clientKey() {
        return clientKey;
    }

    public String issueId() {
        return issueId;
    }

    public String issueKey() {
        return issueKey;
    }

    public String statusName() {
        return statusName;
    }

    public String statusCategory() {
        return statusCategory;
    }

    public boolean issueDeleted() {
        return issueDeleted;
    }

    public Instant lastSyncedAt() {
        return lastSyncedAt;
    }

    public LinkedObject object() {
        return object;
    }

    public LinkOrigin origin() {
        return origin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public LinkProvenance provenance() {
        return provenance;
    }
}
