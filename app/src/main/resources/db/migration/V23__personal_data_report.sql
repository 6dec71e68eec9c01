-- Atlassian's personal data reporting cycle for each app install: when the site's accounts are next due to be
-- reported, which node holds the report now (lease_until, so one node reports a site per cycle), and how the
-- last report went. next_due_at follows Atlassian's Cycle-Period answer, or its Retry-After after a 429.
create table personal_data_report (
    client_key       varchar(255)  primary key,
    next_due_at      timestamp with time zone not null,
    lease_until      timestamp with time zone,
    last_reported_at timestamp with time zone,
    last_outcome     varchar(512)
);

create index personal_data_report_due on personal_data_report (next_due_at);

