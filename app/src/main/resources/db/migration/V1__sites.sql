-- Sites that installed Ferry, one row per clientKey for life (uninstall keeps the row).
create table site (
    client_key                          varchar(255)  not null primary key,
    version                             bigint        not null,
    base_url                            varchar(512)  not null,
    display_url                         varchar(512),
    display_url_servicedesk_help_center varchar(512),
    product_type                        varchar(32)   not null,
    description                         varchar(1024),
    cloud_id                            varchar(64),
    installation_id                     varchar(255),
    oauth_client_id                     varchar(255),
    service_entitlement_number          varchar(255),
    entitlement_id                      varchar(255),
    entitlement_number                  varchar(255),
    server_version                      varchar(64),
    plugins_version                     varchar(64),
    shared_secret_key_id                varchar(32)   not null,
    shared_secret_ciphertext            varchar(1024) not null,
    state                               varchar(16)   not null,
    import_of_client_key                varchar(255),
    installed_at                        timestamp with time zone not null,
    updated_at                          timestamp with time zone not null,
    uninstalled_at                      timestamp with time zone
);

create index site_base_url on site (base_url);

-- Accepted lifecycle tokens, kept until they expire: a replay with another body is refused.
create table lifecycle_token (
    fingerprint      varchar(64) not null primary key,
    body_fingerprint varchar(64) not null,
    expires_at       timestamp with time zone not null
);
