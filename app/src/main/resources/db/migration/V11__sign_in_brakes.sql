-- Sign-in throttling moves from counting failures in a window (a hard lock-out) to growing delays.
drop table login_failure;

-- One row per thing a sign-in attempt is counted against: 'account:<email>', 'client:<address>' and
-- 'pair:<address> <email>'. An attempt is counted (and its row locked) before its password is checked,
-- so parallel attempts cannot slip past the count; not_before is when the next attempt may be checked.
-- signed_in marks a pair (an account from an address) that has signed in: the account-wide delay a
-- stranger causes does not hold it back.
create table sign_in_brake (
    scope_key  varchar(400) primary key,
    failures   integer                  not null,
    not_before timestamp with time zone,
    signed_in  boolean                  not null,
    updated_at timestamp with time zone not null
);

create index sign_in_brake_updated on sign_in_brake (updated_at);
