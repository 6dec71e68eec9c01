package dev.ferry.connect;

import java.util.Optional;

/** Looks a site up by the {@code iss} of its token; the site package implements it. */
public interface ConnectTenants {

    Optional<ConnectTenant> find(String clientKey);
}
