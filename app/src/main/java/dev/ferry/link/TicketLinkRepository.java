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

    Optional<TicketLink> findByIdAndClientKey(Long id, String clientKey);

    List<TicketLink> findByClientKeyAndIssueIdOrderByCreatedAt(String clientKey, String issueId);

    long countByClientKeyAndIssueId(String clientKey, String issueId);

    void delete(TicketLink link);

    /** Applies an issue's new state unless a newer one was applied already: late webhooks never win. */
    @Modifying
    @Query("""
            update ticket_link set issue_key = coalesce(:issueKey, issue_key),
                status_name = coalesce(:statusName, status_name),
                status_category = coalesce(:statusCategory, status_category),
                last_event_at = :asOf, last_synced_at = :now, version = version + 1
            where client_key = :clientKey and issue_id = :issueId
              and (last_event_at is null or last_event_at < :asOf)""")
    int applyIssueState(String clientKey, String issueId, String issueKey, String statusName, String statusCategory,
            Timestamp asOf, Timestamp now);

    @Modifying
    @Query("""
            update ticket_link set issue_deleted = true, last_event_at = :asOf, last_synced_at = :now,
                version = version + 1
            where client_key = :clientKey and issue_id = :issueId
              and (last_event_at is null or last_event_at < :asOf)""")
    int markIssueDeleted(String clientKey, String issueId, Timestamp asOf, Timestamp now);
}
