-- Request limits shared by every node (the product API's per-key and per-address limits, failed tokens):
-- one fixed-window counter per (kind, subject), taken with a conditional UPDATE like jira_rate_budget.
create table rate_window (
    kind         varchar(32)  not null,
    subject      varchar(255) not null,
    window_start timestamp with time zone not null,
    used         int          not null,
    primary key (kind, subject)
);
create index rate_window_start on rate_window (window_start);
