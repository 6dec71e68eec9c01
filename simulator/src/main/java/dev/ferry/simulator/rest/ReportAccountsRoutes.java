package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Atlassian's personal data reporting API as a Connect app reaches it on the site,
 * {@code POST /rest/atlassian-connect/latest/report-accounts} with the app's JWT (the endpoint checks the JWT,
 * qsh included, before a call gets here): up to {@value PersonalDataAccounts#MAX_ACCOUNTS} accounts, each with
 * its {@code updatedAt}; 204 when nothing is to be done, else 200 with each closed or updated account; a
 * {@code Cycle-Period} header either way. A 429 is scripted with the site's faults. Also
 * {@code GET /rest/api/3/user?accountId=}, when no other route serves it, so an app can refresh a name.
 */
final class ReportAccountsRoutes {

    static final String PATH = "/rest/atlassian-connect/latest/report-accounts";

    private final JiraData data;

    ReportAccountsRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("POST", PATH, this::report);
    }

    private Reply report(Call call) {
        if (!data.accounts().find(call.caller()).map(account -> "app".equals(account.accountType())).orElse(false)) {
            return Reply.error(401, "Only a Connect app's JWT may report accounts here.");
        }
        JsonNode accounts = call.body() == null ? null : call.body().get("accounts");
        if (accounts == null || !accounts.isArray() || accounts.isEmpty()) {
            return Reply.error(400, "accounts must be a non-empty array.");
        }
        if (accounts.size() > PersonalDataAccounts.MAX_ACCOUNTS) {
            return Reply.error(400, "At most " + PersonalDataAccounts.MAX_ACCOUNTS + " accounts may be reported at once.");
        }
        Map<String, Instant> reported = new LinkedHashMap<>();
        for (JsonNode account : accounts) {
            String accountId = account.path("accountId").asText("");
            if (accountId.isBlank()) {
                return Reply.error(400, "Each account needs an accountId.");
            }
            try {
                reported.put(accountId, Instant.parse(account.path("updatedAt").asText("")));
            } catch (DateTimeParseException e) {
                return Reply.error(400, "updatedAt of " + accountId + " is not an ISO-8601 instant.");
            }
        }
        Map<String, String> statuses = data.personalData().report(reported);
        Map<String, String> headers = Map.of("Cycle-Period",
                Long.toString(data.personalData().cyclePeriod().toSeconds()));
        if (statuses.isEmpty()) {
            return new Reply(204, null, headers);
        }
        ObjectNode body = Json.object();
        ArrayNode answered = body.putArray("accounts");
        statuses.forEach((accountId, status) -> answered.addObject().put("accountId", accountId).put("status", status));
        return new Reply(200, body, headers);
    }
}
