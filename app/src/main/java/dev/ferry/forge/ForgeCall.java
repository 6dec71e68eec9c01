package dev.ferry.forge;

/**
 * A call from Forge that passed the gate: what its Forge Invocation Token says, the Ferry site its installation
 * serves, and the Jira user token it carried, kept only for the length of the request.
 *
 * @param siteKey   the key of the Ferry site ({@code site.client_key}) the installation serves; null while the
 *                  installation is not known yet
 * @param userToken {@code x-forge-oauth-user}, null when the call carried none
 */
public record ForgeCall(ForgeInvocation invocation, String siteKey, String userToken) {

    @Override
    public String toString() {
        return "ForgeCall[" + invocation.installationId() + ", module " + invocation.module() + "]";
    }
}
