package dev.ferry.forge;

import dev.ferry.connect.InvalidTokenException;

/**
 * What Ferry keeps of the Forge installations it serves, asked on every call whose token verified: the
 * installation decides whether it may still call (an uninstalled one may not) and keeps the app system token
 * the call carried, for workers to call Jira with while no invocation is in flight.
 */
public interface ForgeAdmission {

    /**
     * Admits the call or refuses it with {@link InvalidTokenException} naming why.
     *
     * @return the key of the Ferry site the installation serves (its {@code site.client_key}); null while Ferry
     *         does not know the installation yet (its {@code avi:forge:installed:app} has not been handled)
     *
     * @param systemToken the {@code x-forge-oauth-system} token of the call, without any {@code Bearer }
     *                    prefix; null when the call carried none
     */
    String admit(ForgeInvocation invocation, String systemToken);
}
