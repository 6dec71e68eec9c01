/**
 * Personal data and retention: Ferry reports the Atlassian accounts it holds personal data of to Atlassian's
 * personal data reporting API for every app install, erases what it holds of accounts Atlassian reports closed,
 * refreshes accounts reported updated, and prunes activities older than the retention.
 *
 * <p>What Atlassian documents, and where (read 2026-12-06):
 * <ul>
 * <li>Apps that store personal data must report the accounts they store it for with the personal data reporting
 * API; for each account it answers whether the data must be erased ({@code closed}) or refreshed
 * ({@code updated}), and the app must do so. The guide recommends storing no personal data at all.
 * "User privacy guide for app developers",
 * https://developer.atlassian.com/cloud/jira/platform/user-privacy-developer-guide/ (and the same guide for
 * Forge, https://developer.atlassian.com/platform/forge/user-privacy-guidelines/).</li>
 * <li>Request: {@code POST} with {@code {"accounts":[{"accountId","updatedAt"}]}}, {@code updatedAt} the
 * ISO-8601 time the app last retrieved that account's data. "Each request allows up to 90 accounts to be
 * reported on." Answers: 204 when no account needs action; 200 with
 * {@code {"accounts":[{"accountId","status":"closed"|"updated"}]}}; 400 for a bad request; 429 with
 * {@code Retry-After} when the app reports too often. Guide above; the Forge helper "handles requests with more
 * than 90 accounts": https://developer.atlassian.com/platform/forge/runtime-reference/privacy-api/ .</li>
 * <li>Cycle: "By default, the cycle period is 7 days." and "You should not send reports more frequently than the
 * cycle period for each accountId."; the answer's {@code Cycle-Period} header gives the period to use (guide
 * above). The stored pages do not show the header's format: {@link dev.ferry.jira.PersonalDataReports} reads
 * seconds, an ISO-8601 duration or "N days".</li>
 * <li>Where a Connect app calls it: on the installed product, {@code POST
 * {baseUrl}/rest/atlassian-connect/latest/report-accounts}, authenticated as every Connect call is, with the
 * install's JWT ({@code Authorization: JWT ...}, HS256 with the shared secret, {@code iss} the app key,
 * {@code qsh} the hash of this exact request: {@code POST&/rest/atlassian-connect/latest/report-accounts&}).
 * OAuth 2.0 (3LO) and Forge apps call {@code https://api.atlassian.com/app/report-accounts/} instead. The
 * Connect path is the one Atlassian's Connect reporting library used (found in public source through the code
 * search, not on a stored Atlassian page); Atlassian staff on the JWT question: "You will need to call this API
 * in the context of your App, using JWTs to authenticate ... call the reporting API in the context of each site
 * into which your app is installed" —
 * https://community.developer.atlassian.com/t/how-does-the-personal-data-reporting-api-work-authentication-who-calls-it/28679 .</li>
 * <li>Only apps report. An API-token or OAuth connection is not an app install of Ferry's: for those Ferry's
 * retention and erasure on request apply (README, "Personal data").</li>
 * </ul>
 *
 * <p>A closed account's data is erased everywhere Ferry holds it ({@link dev.ferry.privacy.PersonalDataEraser}):
 * its activities are deleted, its {@code jira_user} names and {@code person_identity} rows too, audited as
 * {@code PERSONAL_DATA_ERASED} with counts only.
 */
package dev.ferry.privacy;
