-- The claim reads due deliveries one status at a time in (next_attempt_at, id) order and stops at its limit; with
-- id in the index the database can walk it in that order instead of sorting every due row.
drop index ticket_delivery_due;
create index ticket_delivery_due on ticket_delivery (status, next_attempt_at, id);
