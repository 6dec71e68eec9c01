package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A person as Jira shows them inside an activity (a changelog author, a comment's author, a worklog's
 * updateAuthor): the account's own display name, unlike {@link Users#user} which names everyone the admin.
 */
final class People {

    private People() {
    }

    static ObjectNode user(JiraData data, String siteUrl, String accountId) {
        java.util.Optional<Account> account = data.accounts().find(accountId);
        ObjectNode user = Json.object();
        user.put("self", siteUrl + "/rest/api/3/user?accountId=" + accountId);
        user.put("accountId", accountId);
        user.put("displayName", account.map(Account::displayName).orElse(accountId));
        user.put("active", true);
        user.put("timeZone", "Etc/UTC");
        user.put("accountType", account.map(Account::accountType).orElse("atlassian"));
        return user;
    }
}
