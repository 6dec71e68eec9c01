-- The people directory: a person of the product (its own id and name) with the Atlassian identities that are
-- theirs on each connection. Activities are stored by accountId and attributed through these rows when read,
-- so mapping someone later shows their past activity at once.
create table person (
    id              varchar(36)   primary key,
    organization_id varchar(36)   not null references organization (id),
    -- the product's id for the person
    external_id     varchar(255)  not null,
    name            varchar(255)  not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint person_external unique (organization_id, external_id)
);

-- One identity of a person on one connection: an accountId, or an email still to be resolved to one through
-- Jira's user search. state: RESOLVED (account_id known), PENDING (email not looked up yet), EMAIL_HIDDEN (the
-- site hides emails: the admin must give the accountId), EMAIL_UNKNOWN (no account has that email).
create table person_identity (
    id              varchar(36)   primary key,
    person_id       varchar(36)   not null references person (id) on delete cascade,
    organization_id varchar(36)   not null,
    connection_id   varchar(64)   not null,
    account_id      varchar(128),
    email           varchar(320),
    state           varchar(16)   not null,
    note            varchar(512),
    created_at      timestamp with time zone not null,
    resolved_at     timestamp with time zone,
    constraint identity_account_once unique (organization_id, connection_id, account_id)
);

create index identity_person on person_identity (person_id);
create index identity_account on person_identity (organization_id, account_id);
