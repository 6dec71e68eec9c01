-- One row the health check updates: a database that answers reads but cannot commit a write (a full disk,
-- a read-only standby after a failover) must make Ferry unready, since it could not store anything.
create table database_probe (
    id        integer primary key,
    probed_at timestamp not null
);

insert into database_probe (id, probed_at) values (1, current_timestamp);
