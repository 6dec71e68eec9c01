-- Forge installations of Ferry's Forge app, one row per Forge installation id (the uuid, without the ARI prefix;
-- Forge gives a new id to a re-install). site_key is the Ferry site the installation serves: a site installed
-- through Connect before keeps its key, so its links, destinations and rules stay with it. The app system token
-- Forge hands over on every call is kept sealed (bound to the installation id) only while it is valid.
create table forge_installation (
    installation_id          varchar(64)   not null primary key,
    version                  bigint        not null,
    app_id                   varchar(255)  not null,
    environment_id           varchar(255),
    cloud_id                 varchar(64)   not null,
    site_url                 varchar(512)  not null,
    api_base_url             varchar(512)  not null,
    site_key                 varchar(255)  not null references site (client_key),
    state                    varchar(16)   not null,
    system_token_key_id      varchar(32),
    system_token_ciphertext  varchar(8192),
    system_token_expires_at  timestamp with time zone,
    installed_at             timestamp with time zone not null,
    upgraded_at              timestamp with time zone,
    uninstalled_at           timestamp with time zone
);

create index forge_installation_site_key on forge_installation (site_key);

-- A site Ferry knows only through Forge has no Connect shared secret.
alter table site alter column shared_secret_key_id drop not null;
alter table site alter column shared_secret_ciphertext drop not null;
