package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.jira.JiraSite;
import dev.ferry.privacy.PersonalDataReportDrain;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.RecordedCall;
import dev.ferry.simulator.fault.Fault;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ferry installed on a simulated site reports the accounts it holds for it to Atlassian's personal data
 * reporting API on the wire: every account in batches of at most 90, signed with the install's JWT; a closed
 * account erased, an updated one's name refreshed, a 204 changing nothing, a 429 retried after its wait, and
 * one report per cycle however many nodes try.
 */
@FerryJourney
class PersonalDataReportJourneyTest {

    private static final String PATH = "/rest/atlassian-connect/latest/report-accounts";

    @Autowired
    ApplicationContext context;
    @Autowired
    ActivityStore store;
    @Autowired
    JdbcClient jdbc;

    private JiraSimulator jira;
    private String clientKey;
    private String organization;

    @BeforeEach
    void installed(Journey journey) {
        jira = journey.jira();
        jira.data().personalData().clear();
        Journey.LinkedSite site = journey.linkedSite();
        clientKey = site.clientKey();
        organization = site.api().organizationId();
    }

    @Test
    void aCycleReportsEveryAccountInBatchesErasesTheClosedAndRefreshesTheUpdated() {
        List<String> accounts = storeActivitiesOf(200);
        String closed = accounts.get(7);
        String renamed = accounts.get(150);
        String person = mapPerson(closed);
        jira.data().accounts().add(renamed, "renamed@example.com", "Renamed Person");
        jira.data().personalData().changed(renamed, Instant.now().plusMillis(5));
        jira.data().personalData().close(closed);
        jira.data().personalData().cyclePeriod(Duration.ofDays(3));

        Instant before = Instant.now();
        assertThat(PersonalDataReportDrain.drain(context)).isEqualTo(1);

        List<List<String>> reports = jira.data().personalData().reports();
        assertThat(reports).extracting(List::size).containsExactly(90, 90, 20);
        assertThat(reports.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(accounts);
        List<RecordedCall> posts = reportCalls();
        assertThat(posts).hasSize(3).allSatisfy(call -> {
            assertThat(call.authKind()).as("the install's JWT, qsh included, verified").isEqualTo("connect");
            assertThat(call.header("Authorization")).hasValueSatisfying(value -> assertThat(value).startsWith("JWT "));
        });
        assertThat(posts).extracting(RecordedCall::status).containsExactly(200, 200, 204);
        Instant seenAt = jdbc.sql("select seen_at from jira_user where account_id = ?").param(accounts.get(0))
                .query(Timestamp.class).single().toInstant();
        assertThat(posts.get(0).body()).as("updatedAt is when Ferry last read the account")
                .contains("{\"accountId\":\"" + accounts.get(0) + "\",\"updatedAt\":\"" + seenAt + "\"}");

        assertThat(count("select count(*) from activity where actor_account_id = ?", closed)).isZero();
        assertThat(count("select count(*) from jira_user where account_id = ?", closed)).isZero();
        assertThat(count("select count(*) from person_identity where account_id = ?", closed)).isZero();
        assertThat(count("select count(*) from person where id = ?", person)).as("the product's person stays").isOne();
        assertThat(count("select count(*) from activity", null)).isEqualTo(199);
        assertThat(count("select count(*) from jira_user", null)).isEqualTo(199);
        List<String> audits = jdbc.sql("select detail from audit_record where action = 'PERSONAL_DATA_ERASED'"
                + " and organization_id = ?").param(organization).query(String.class).list();
        assertThat(audits).containsExactly("1 activities, 1 names and 1 person identities of one Atlassian account erased");
        assertThat(jdbc.sql("select count(*) from audit_record where detail like ? or target like ?")
                .param("%" + closed + "%").param("%" + closed + "%").query(Long.class).single()).isZero();

        assertThat(jdbc.sql("select display_name from jira_user where account_id = ?").param(renamed)
                .query(String.class).single()).isEqualTo("Renamed Person");
        assertThat(jdbc.sql("select display_name from jira_user where account_id = ?").param(accounts.get(151))
                .query(String.class).single()).isEqualTo("Name 151");

        Instant nextDue = nextDue();
        assertThat(nextDue).isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
        assertThat(PersonalDataReportDrain.drain(context)).as("not due again before the cycle period").isZero();
        assertThat(jira.data().personalData().reports()).hasSize(3);
    }

    @Test
    void a204ChangesNothingAndTheDefaultCycleApplies() {
        List<String> accounts = storeActivitiesOf(30);
        jira.data().personalData().cyclePeriod(Duration.ofDays(7));

        assertThat(PersonalDataReportDrain.drain(context)).isEqualTo(1);

        assertThat(reportCalls()).extracting(RecordedCall::status).containsExactly(204);
        assertThat(jira.data().personalData().reports()).containsExactly(accounts);
        assertThat(count("select count(*) from activity", null)).isEqualTo(30);
        assertThat(count("select count(*) from jira_user where display_name like 'Name %' and refreshed_at is null", null))
                .isEqualTo(30);
        assertThat(count("select count(*) from audit_record where action = 'PERSONAL_DATA_ERASED'", null)).isZero();
        assertThat(nextDue()).isAfter(Instant.now().plus(Duration.ofDays(6)));
    }

    @Test
    void a429IsRetriedAfterItsWaitNotBefore() {
        List<String> accounts = storeActivitiesOf(5);
        jira.faults().add("POST", PATH, Fault.rateLimited(Duration.ofSeconds(120), "app-personal-data"), 1);

        Instant before = Instant.now();
        PersonalDataReportDrain.drain(context);
        assertThat(jira.data().personalData().reports()).isEmpty();
        assertThat(reportCalls()).extracting(RecordedCall::status).containsExactly(429);
        assertThat(nextDue()).isBetween(before.plusSeconds(120), Instant.now().plusSeconds(120));
        assertThat(jdbc.sql("select last_outcome from personal_data_report").query(String.class).single())
                .contains("rate-limited");

        PersonalDataReportDrain.drain(context);
        assertThat(reportCalls()).as("nothing sent before Retry-After has passed").hasSize(1);

        // The wait passes: the site is due again, and Jira's block on the site is over.
        jdbc.sql("update personal_data_report set next_due_at = ?").param(Timestamp.from(Instant.now().minusSeconds(1)))
                .update();
        jdbc.sql("update jira_rate_budget set blocked_until = null").update();
        assertThat(PersonalDataReportDrain.drain(context)).isEqualTo(1);
        assertThat(jira.data().personalData().reports()).containsExactly(accounts);
        assertThat(jdbc.sql("select last_reported_at from personal_data_report").query(Timestamp.class).single())
                .isNotNull();
    }

    @Test
    void anUninstalledSiteIsNotReported() {
        storeActivitiesOf(3);
        assertThat(jira.site().uninstall().status()).isEqualTo(204);
        jdbc.sql("insert into personal_data_report (client_key, next_due_at) values (?, ?)").params(clientKey,
                Timestamp.from(Instant.now().minusSeconds(1))).update();

        PersonalDataReportDrain.drain(context);

        assertThat(reportCalls()).isEmpty();
        assertThat(jdbc.sql("select last_outcome from personal_data_report").query(String.class).single())
                .contains("not installed");
        assertThat(count("select count(*) from activity", null)).as("nothing erased for want of an answer").isEqualTo(3);
    }

    @Test
    void twoNodesNeverReportOneSiteTwiceInACycle() throws Exception {
        storeActivitiesOf(100);
        jira.latency(Duration.ofMillis(150));
        try {
            for (int round = 0; round < 3; round++) {
                jdbc.sql("update personal_data_report set next_due_at = ?")
                        .param(Timestamp.from(Instant.now().minusSeconds(1))).update();
                int before = jira.data().personalData().reports().size();
                int reported = race(() -> PersonalDataReportDrain.drain(context),
                        () -> PersonalDataReportDrain.drain(context));
                assertThat(reported).as("round %d: sites reported by both nodes together", round).isEqualTo(1);
                assertThat(jira.data().personalData().reports().size() - before).as("one cycle: 90 + 10").isEqualTo(2);
            }
        } finally {
            jira.latency(Duration.ZERO);
        }
    }

    /** Runs both at once; answers the sum of what they return. */
    private static int race(Callable<Integer> first, Callable<Integer> second) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> node : List.of(first, second)) {
                results.add(threads.submit(() -> {
                    start.await();
                    return node.call();
                }));
            }
            start.countDown();
            int sum = 0;
            for (Future<Integer> result : results) {
                sum += result.get();
            }
            return sum;
        } finally {
            threads.shutdownNow();
        }
    }

    /** One activity by each of {@code n} accounts, stored as ingest stores them; answers the accountIds, sorted. */
    private List<String> storeActivitiesOf(int n) {
        JiraSite site = new JiraSite(clientKey, URI.create(jira.baseUrl()), "not-used-for-storing");
        List<String> accounts = IntStream.range(0, n).mapToObj(i -> String.format("557058:pd-%03d", i)).toList();
        List<Activity> activities = IntStream.range(0, n).mapToObj(i -> new Activity("privacy:" + i,
                ActivityKind.ISSUE_UPDATED, accounts.get(i), "Name " + i, Instant.now().minusSeconds(3600), "issue",
                Integer.toString(10_000 + i), "PD-" + i, "PD", "Issue " + i, null, jira.baseUrl() + "/browse/PD-" + i))
                .toList();
        assertThat(store.store(new IngestTarget(organization, clientKey, site, Optional.empty()), activities)).isEqualTo(n);
        return accounts;
    }

    /** A person of the product mapped to the account on the install; answers the person's id. */
    private String mapPerson(String accountId) {
        String person = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into person (id, organization_id, external_id, name, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(person, organization, "ext-1", "Pat Person", now, now).update();
        jdbc.sql("""
                insert into person_identity (id, person_id, organization_id, connection_id, account_id, state, created_at,
                                             resolved_at)
                values (?, ?, ?, ?, ?, 'RESOLVED', ?, ?)""")
                .params(UUID.randomUUID().toString(), person, organization, clientKey, accountId, now, now).update();
        return person;
    }

    private List<RecordedCall> reportCalls() {
        return jira.calls().stream().filter(call -> call.method().equals("POST") && call.path().equals(PATH)).toList();
    }

    private Instant nextDue() {
        return jdbc.sql("select next_due_at from personal_data_report where client_key = ?").param(clientKey)
                .query(Timestamp.class).single().toInstant();
    }

    private long count(String sql, String param) {
        var statement = jdbc.sql(sql);
        if (param != null) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }
}
