-- The claim skips a delivery while an older one of the same lane (dedup key) may have written to Jira
-- unrecorded; this index answers that look-up per claimed row.
create index ticket_delivery_lane_order on ticket_delivery (dedup_key, id);
