-- "Last webhook received" is kept on the site row (written by the inbox writer, at most once a second per
-- site) instead of read from an index over every inbox row: that index cost each stored delivery one more
-- B-tree insert on the webhook path. The site row also keeps it after the inbox is pruned.
alter table site add column last_webhook_at timestamp with time zone;
update site set last_webhook_at = (select max(w.received_at) from webhook_delivery w where w.client_key = site.client_key);
drop index webhook_delivery_site_received;
