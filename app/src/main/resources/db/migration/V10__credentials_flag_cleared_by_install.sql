-- A re-install now clears site_link's credentials flag when it happens; before, the flag was compared
-- with the site's last change on every read and cleared lazily. Clear the flags that rule already
-- considered superseded, so none stays stuck after the upgrade.
update site_link set credentials_rejected_at = null, credentials_error = null
where credentials_rejected_at is not null
  and credentials_rejected_at < (select s.updated_at from site s where s.client_key = site_link.client_key);
