-- Reading activity (GET /api/v1/activities and its export) pages by (occurred_at, id) newest or oldest first.
-- V21's activity_time serves the organization with no other filter and activity_actor a person's accounts; these
-- two serve the other filters in the same order, so a page reads its rows from the index without sorting the
-- range: one connection (activity_connection lacks the id that breaks ties of equal times), and one kind.
create index activity_connection_time on activity (connection_id, occurred_at, id);
create index activity_kind_time on activity (organization_id, kind, occurred_at, id);
