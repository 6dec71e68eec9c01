package dev.ferry.link;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Ticket links, always read within one site. */
public interface TicketLinkRepository extends Repository<TicketLink, Long> {

    TicketLink save(TicketLink link);

    // Written out rather than derived from the name: a derived query renders its SQL on every call, which cost the
    // status read before each comment a third of its CPU.
    @Query("select * from ticket_link where id = :id and client_key = :clientKey")
    Optional<TicketLink> findByIdAndClientKey(Long id, String clientKey);

    @Query("select * from ticket_link where client_key = :clientKey and issue_id = :issueId order by created_at")
    List<TicketLink> findByClientKeyAndIssueIdOrderByCreatedAt(String clientKey, String issueId);

    /**
     * An issue's links, locked until the transaction ends: what they showed before a webhook's bulk update, so
     * only links the update really changes are announced, and no other writer slips in between.
     */
    @Query("select * from ticket_link where client_key = :clientKey and issue_id = :issueId order by id for update")
    List<TicketLink> lockForIssue(String clientKey, String issueId);

    long countByClientKeyAndIssueId(String clientKey, String issueId);

    void delete(TicketLink link);

    /**
     * Applies an issue's new state unless a newer one was applied already: late webhooks never win. A time
     * in the future (a sender's clock ahead) counts as now, by the database's clock, so it cannot hold
     * back every update until then.
     */
    @Modifying
    @Query("""
            update ticket_link set issue_key = coalesce(:issueKey, issue_key),
                status_name = coalesce(:statusName, status_name),
                status_category = coalesce(:statusCategory, status_category),
                last_event_at = least(:asOf, current_timestamp), last_synced_at = :now, version = version + 1
            where client_key = :clientKey and issue_id = :issueId
              and (last_event_at is null or last_event_at < least(:asOf, current_timestamp))""")
    int applyIssueState(String clientKey, String issueId, String issueKey, String statusName, String statusCategory,
            Timestamp asOf, Timestamp now);

    /** As {@link #applyIssueState}, for a deleted issue. */
    @Modifying
    @Query("""
            update ticket_link set issue_deleted = true, last_event_at = least(:asOf, current_timestamp),
                last_synced_at = :now, version = version + 1
            where client_key = :clientKey and issue_id = :issueId
              and (last_event_at is null or last_event_at < least(:asOf, current_timestamp))""")
    int markIssueDeleted(String clientKey, String issueId, Timestamp asOf, Timestamp now);

    /** The tickets one destination filed for one object and event type, newest first. */
    @Query("""
            select * from ticket_link
            where destination_id = :destinationId and object_type = :objectType and object_id = :objectId
              and event_type = :eventType
            order by created_at desc, id desc""")
    List<TicketLink> findSpawnedBy(String destinationId, String objectType, String objectId, String eventType);

    /** An object's links on the sites an organization has linked. */
    @Query("""
            select * from ticket_link
            where object_type = :objectType and object_id = :objectId
              and client_key in (select client_key from site_link where organization_id = :organizationId)
            order by created_at, id""")
    List<TicketLink> findForObject(String organizationId, String objectType, String objectId);

    @Query("""
            select * from ticket_link
            where id = :id and client_key in (select client_key from site_link where organization_id = :organizationId)""")
    Optional<TicketLink> findForOrganization(long id, String organizationId);

    /** Links of one site created since a moment: what the nightly reconcile checks. */
    @Query("select * from ticket_link where client_key = :clientKey and created_at >= :since order by id")
    List<TicketLink> findCreatedSince(String clientKey, Timestamp since);

    @Query("select distinct client_key from ticket_link where created_at >= :since")
    List<String> findSitesWithLinksSince(Timestamp since);

    /** The product's new state for an object, on its links on the organization's sites (the issue panel shows it). */
    @Modifying
    @Query("""
            update ticket_link set object_state = :state, version = version + 1
            where object_type = :objectType and object_id = :objectId
              and client_key in (select client_key from site_link where organization_id = :organizationId)""")
    int setObjectState(String organizationId, String objectType, String objectId, String state);
}
