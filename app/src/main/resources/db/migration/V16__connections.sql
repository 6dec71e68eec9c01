-- An organization's way into a Jira site besides the app install: an Atlassian API token (Basic auth, on the
-- site itself or, for a scoped token, through api.atlassian.com) or an OAuth 2.0 (3LO) grant. Its id is also
-- its site_link key, so destinations, deliveries, ticket links and test tickets name it as they name an
-- installed site, and every feature that calls Jira works over it unchanged. Secrets are sealed, each bound
-- to its row and column; the key id is kept beside each.
create table jira_connection (
    id                          varchar(64)   primary key,
    version                     bigint        not null,
    organization_id             varchar(36)   not null references organization (id),
    kind                        varchar(16)   not null,
    site_url                    varchar(512)  not null,
    cloud_id                    varchar(64),
    -- SITE: calls go to the site URL (classic API token); GATEWAY: to api.atlassian.com/ex/jira/{cloudId}
    route                       varchar(16)   not null,
    email                       varchar(320),
    token_key_id                varchar(32),
    token_ciphertext            varchar(2048),
    token_expires_on            date,
    confluence_url              varchar(512),
    confluence_email            varchar(320),
    confluence_token_key_id     varchar(32),
    confluence_token_ciphertext varchar(2048),
    oauth_grant_id              varchar(36),
    default_project             varchar(64),
    account_id                  varchar(128),
    account_name                varchar(255),
    created_at                  timestamp with time zone not null,
    created_by                  varchar(255)  not null,
    updated_at                  timestamp with time zone not null
);

create index connection_organization on jira_connection (organization_id);
create index connection_grant on jira_connection (oauth_grant_id);

-- One OAuth 2.0 grant of one Atlassian account to Ferry; it may cover several sites (one connection each),
-- so the tokens live here once. Refresh tokens rotate: generation grows with each refresh, and a node takes
-- refresh_lease_until before it spends the refresh token, so two nodes never spend one token twice.
create table oauth_grant (
    id                       varchar(36)   primary key,
    organization_id          varchar(36)   not null references organization (id),
    account_id               varchar(128),
    scopes                   varchar(1024) not null,
    access_key_id            varchar(32)   not null,
    access_ciphertext        varchar(8192) not null,
    access_expires_at        timestamp with time zone not null,
    refresh_key_id           varchar(32),
    refresh_ciphertext       varchar(8192),
    generation               bigint        not null,
    refresh_lease_until      timestamp with time zone,
    -- set when Atlassian refused the refresh token (invalid_grant) or the grant was revoked: reconnect needed
    broken_at                timestamp with time zone,
    broken_reason            varchar(1024),
    -- a grant nobody has picked sites for yet is removed after a day
    picked                   boolean       not null,
    created_by               varchar(255)  not null,
    created_at               timestamp with time zone not null,
    refreshed_at             timestamp with time zone
);

create index oauth_grant_due on oauth_grant (access_expires_at);

-- "Connect with Atlassian" in flight: the state sent to auth.atlassian.com, kept as a hash, bound to the
-- signed-in person's session (also a hash), good once and for ten minutes. A reconnect names its connection.
create table oauth_state (
    state_hash      varchar(64)  primary key,
    organization_id varchar(36)  not null references organization (id),
    session_hash    varchar(64)  not null,
    person          varchar(255) not null,
    connection_id   varchar(64),
    expires_at      timestamp with time zone not null
);
