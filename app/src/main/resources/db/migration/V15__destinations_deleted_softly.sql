-- A deleted destination keeps its row, so the ticket links and deliveries it made still name it.
alter table destination add column deleted_at timestamp with time zone;
-- True while the destination is not deleted, null once it is: a unique constraint never finds two nulls
-- equal, so only live destinations must differ in (site, project) and a deleted one's project can be
-- added again. Partial unique indexes would say this more plainly, but H2 has none.
alter table destination add column live boolean default true;
alter table destination drop constraint destination_once;
alter table destination add constraint destination_once unique (organization_id, client_key, project_key, live);
