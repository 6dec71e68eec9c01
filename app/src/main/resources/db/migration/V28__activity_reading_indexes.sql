-- Reading activity (GET /api/v1/activities and its export) pages by (occurred_at, id), newest or oldest first.
-- V21's indexes serve the organization alone (activity_time), one connection (activity_connection: equal times,
-- few, are put in id order as they come) and a person's accounts (activity_actor). A kind filter had none: a rare
-- kind would have scanned the whole range of activity_time for one page. This one reads its page in order.
create index activity_kind_time on activity (organization_id, kind, occurred_at, id);
