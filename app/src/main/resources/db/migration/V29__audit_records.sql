-- Jira's audit records (not Ferry's own audit log): collectors read them from Jira, Ferry keeps each once and
-- hands them on, by API (list, export, follow) and by push to an HTTP sink per collector.

-- A collector reads one connection's audit records every poll_seconds. A poll reads a window [window_from,
-- window_to] page by page (offset paging, newest first, as Jira answers); window_offset is the next page's offset,
-- committed with each page, so a crash resumes at that page. When the window is read to its end the checkpoint
-- moves to window_to, and the next window starts an overlap before it (records Jira indexes late are caught; the
-- store keeps each record once). lease_until is a claim's lease and fence, as for ingest jobs.
create table audit_collector (
    id               varchar(36)   primary key,
    organization_id  varchar(36)   not null references organization (id),
    connection_id    varchar(64)   not null,
    poll_seconds     int           not null,
    -- the first backfill reads from here; null: the first-run default before the first poll
    start_from       timestamp with time zone,
    -- Jira's filter parameter: words to match in the records, space separated
    filter           varchar(255),
    paused           boolean       not null,
    checkpoint       timestamp with time zone,
    window_from      timestamp with time zone,
    window_to        timestamp with time zone,
    window_offset    int           not null,
    next_poll_at     timestamp with time zone not null,
    lease_until      timestamp with time zone,
    attempts         int           not null,
    -- why the collector fails (FORBIDDEN, UNAUTHORIZED, UNAVAILABLE, ...); null while it polls fine
    failure          varchar(32),
    last_error       varchar(1024),
    last_error_at    timestamp with time zone,
    last_poll_at     timestamp with time zone,
    newest_record_at timestamp with time zone,
    records          bigint        not null,
    created_by       varchar(255)  not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    -- one collector per connection: two would read and store the same records twice
    constraint audit_collector_connection unique (connection_id)
);

create index audit_collector_due on audit_collector (next_poll_at);
create index audit_collector_organization on audit_collector (organization_id);

-- One audit record as Jira sent it (body, the full JSON, whatever fields it has) plus the columns it is found by.
-- position is Ferry's order of arrival, dealt from jira_audit_position in the storing transaction: the row lock
-- taken there is held to the commit, so positions become visible in order and a reader resuming after the last
-- position it saw misses nothing. Stored once per (record_id, collector_id): record_id first, so a page's ids are
-- looked up with index seeks on H2.
create table jira_audit_record (
    position          bigint        primary key,
    collector_id      varchar(36)   not null,
    organization_id   varchar(36)   not null,
    record_id         bigint        not null,
    created_at        timestamp with time zone not null,
    category          varchar(255),
    summary           varchar(1024),
    author_account_id varchar(128),
    remote_address    varchar(255),
    object_type       varchar(255),
    object_id         varchar(255),
    object_name       varchar(1024),
    received_at       timestamp with time zone not null,
    body              varchar(1000000) not null,
    constraint jira_audit_record_once unique (record_id, collector_id)
);

create index jira_audit_record_collector on jira_audit_record (collector_id, position);
create index jira_audit_record_organization on jira_audit_record (organization_id, position);
create index jira_audit_record_created on jira_audit_record (organization_id, created_at, position);

-- The next position to deal: one row, locked by each storing transaction until it commits.
create table jira_audit_position (
    name          varchar(32)   primary key,
    next_position bigint        not null
);

insert into jira_audit_position (name, next_position) values ('jira_audit_record', 1);

-- An HTTP sink per collector: NDJSON batches of the collector's records in position order. position is the last
-- record the sink accepted (a 2xx), moved in the transaction that records the answer, so a restart resumes after
-- it and never skips. The headers (an Authorization header among them) are one sealed JSON object; only their
-- names are kept in clear, to show.
create table audit_sink (
    collector_id       varchar(36)   primary key references audit_collector (id) on delete cascade,
    organization_id    varchar(36)   not null,
    url                varchar(2048) not null,
    header_names       varchar(1024) not null,
    headers_key_id     varchar(32),
    headers_ciphertext varchar(8000),
    batch_size         int           not null,
    enabled            boolean       not null,
    position           bigint        not null,
    next_attempt_at    timestamp with time zone not null,
    lease_until        timestamp with time zone,
    attempts           int           not null,
    sent               bigint        not null,
    last_sent_at       timestamp with time zone,
    last_http_status   int,
    last_answer        varchar(1000),
    last_error         varchar(1000),
    last_error_at      timestamp with time zone,
    updated_by         varchar(255)  not null,
    updated_at         timestamp with time zone not null
);

create index audit_sink_due on audit_sink (next_attempt_at);
