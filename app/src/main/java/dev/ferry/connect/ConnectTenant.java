package dev.ferry.connect;

/**
 * What the verifier needs to know of a site: its shared secret and whether it may still call Ferry.
 *
 * @param clientKey    the site's id, the {@code iss} of its tokens
 * @param sharedSecret the HS256 key, in clear only in memory; null for a site Ferry knows through Forge alone
 * @param installed    false once the site uninstalled Ferry
 * @param baseUrl      where the site is, for calls Ferry makes back to it
 */
public record ConnectTenant(String clientKey, String sharedSecret, boolean installed, String baseUrl) {

    @Override
    public String toString() {
        return "ConnectTenant[" + clientKey + ", installed=" + installed + "]";
    }
}
