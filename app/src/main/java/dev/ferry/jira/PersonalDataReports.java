package dev.ferry.jira;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Atlassian's personal data reporting API as a Connect app calls it: {@code POST
 * /rest/atlassian-connect/latest/report-accounts} on the installed site, signed with the install's JWT (qsh of
 * this exact request), at most {@value #MAX_ACCOUNTS} accounts a request ({@link JiraUsers#byAccountId}
 * refreshes an account the answer says was updated). A 429 comes back as a {@link JiraException} with its {@code retryAfter}, after the inline retries {@link JiraCalls} allows.
 */
@Component
public class PersonalDataReports {

    /** "Each request allows up to 90 accounts to be reported on." (Atlassian's user privacy guide) */
    public static final int MAX_ACCOUNTS = 90;
    static final String PATH = "/rest/atlassian-connect/latest/report-accounts";
    private static final Pattern DAYS = Pattern.compile("(\\d+)\\s*days?", Pattern.CASE_INSENSITIVE);

    private final JiraCalls calls;

    PersonalDataReports(JiraCalls calls) {
        this.calls = calls;
    }

    /** An account Ferry holds personal data of, and when that data was last read from Atlassian. */
    public record HeldAccount(String accountId, Instant updatedAt) {
    }

    /** Atlassian's answer: the accounts to erase ({@code closed}) or refresh ({@code updated}), and the cycle. */
    public record Answer(List<String> closed, List<String> updated, Optional<Duration> cyclePeriod) {
    }

    /** Reports up to {@value #MAX_ACCOUNTS} accounts; a {@link JiraException} when Atlassian refuses. */
    public Answer report(JiraSite site, List<HeldAccount> accounts) {
        if (accounts.isEmpty() || accounts.size() > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("a report holds 1 to " + MAX_ACCOUNTS + " accounts, not " + accounts.size());
        }
        ObjectNode body = IssueBodies.JSON.createObjectNode();
        ArrayNode list = body.putArray("accounts");
        accounts.forEach(account -> list.addObject().put("accountId", account.accountId())
                .put("updatedAt", account.updatedAt().toString()));
        URI uri = UriComponentsBuilder.fromUri(site.baseUrl()).path(PATH).build().encode().toUri();
        // Reporting the same accounts twice is harmless: a lost answer may be asked again.
        HttpResponse<String> response = calls.respond(site, JiraRequest.idempotentPost(uri, body.toString()));
        List<String> closed = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        if (response.statusCode() == 200 && response.body() != null && !response.body().isBlank()) {
            JsonNode answer = IssueBodies.JSON.readTree(response.body());
            answer.path("accounts").forEach(account -> {
                String id = account.path("accountId").asString("");
                switch (account.path("status").asString("")) {
                    case "closed" -> closed.add(id);
                    case "updated" -> updated.add(id);
                    default -> { } // a status Atlassian adds later: nothing Ferry knows to do
                }
            });
        }
        return new Answer(List.copyOf(closed), List.copyOf(updated),
                response.headers().firstValue("Cycle-Period").flatMap(PersonalDataReports::cyclePeriod));
    }

    /**
     * The header's period. Its format is not spelled out in the guide: seconds, an ISO-8601 duration
     * ({@code P7D}) and "N days" are all read; anything else is ignored (Ferry keeps its default cycle).
     */
    static Optional<Duration> cyclePeriod(String header) {
        String value = header.trim();
        try {
            if (value.matches("\\d+")) {
                return positive(Duration.ofSeconds(Long.parseLong(value)));
            }
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                return positive(Duration.parse(value.toUpperCase(Locale.ROOT)));
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
        Matcher days = DAYS.matcher(value);
        return days.matches() ? positive(Duration.ofDays(Long.parseLong(days.group(1)))) : Optional.empty();
    }

    private static Optional<Duration> positive(Duration period) {
        return period.isNegative() || period.isZero() ? Optional.empty() : Optional.of(period);
    }
}
