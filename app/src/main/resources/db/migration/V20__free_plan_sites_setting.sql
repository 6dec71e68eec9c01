-- Whether the organization may link a Jira site on Jira's Free plan (read from /rest/api/3/instance/license).
-- Allowed by default, so organizations that linked Free sites before keep working; the experimentation
-- product turns it off.
alter table organization add column allow_free_plan_sites boolean default true not null;
