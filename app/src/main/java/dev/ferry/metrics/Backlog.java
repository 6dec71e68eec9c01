package dev.ferry.metrics;

/**
 * A table of work waiting: how many rows are open and since when the oldest due one has waited.
 *
 * @param label  the {@code queue} tag
 * @param depth  counts the open rows (parked ones too)
 * @param oldest the earliest {@code next_attempt_at} among rows due now (claimed rows are not due: their lease moved it)
 */
enum Backlog {

    WEBHOOK_INBOX("webhook_inbox", """
            select count(*) from webhook_delivery where status = 'PENDING'""", """
            select min(next_attempt_at) from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?"""),
    TICKET_OUTBOX("ticket_outbox", """
            select count(*) from ticket_delivery where status in ('PENDING', 'WAITING')""", """
            select min(next_attempt_at) from ticket_delivery where status = 'PENDING' and next_attempt_at <= ?"""),
    HAND_TICKETS("hand_tickets", """
            select count(*) from hand_ticket where status = 'PENDING'""", """
            select min(next_attempt_at) from hand_ticket where status = 'PENDING' and next_attempt_at <= ?"""),
    OBJECT_STATE_COMMENTS("object_state_comments", """
            select count(*) from object_change_comment where status in ('PENDING', 'WAITING')""", """
            select min(next_attempt_at) from object_change_comment
            where status in ('PENDING', 'WAITING') and next_attempt_at <= ?"""),
    CALLBACKS("callbacks", """
            select count(*) from callback_message where status = 'PENDING'""", """
            select min(next_attempt_at) from callback_message where status = 'PENDING' and next_attempt_at <= ?"""),
    /** Audit records not yet accepted by their collector's enabled sink. */
    AUDIT_SINK("audit_sink", """
            select count(*) from audit_sink s join jira_audit_record r
              on r.collector_id = s.collector_id and r.position > s.position
            where s.enabled = true""", """
            select min(s.next_attempt_at) from audit_sink s
            where s.enabled = true and s.next_attempt_at <= ?
              and exists (select 1 from jira_audit_record r where r.collector_id = s.collector_id and r.position > s.position)""");

    final String label;
    final String depth;
    final String oldest;

    Backlog(String label, String depth, String oldest) {
        this.label = label;
        this.depth = depth;
        this.oldest = oldest;
    }
}
