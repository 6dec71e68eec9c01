package dev.ferry.support;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.rest.ActivityDataset;
import dev.ferry.simulator.rest.SiteChanges;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinks;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A simulated Jira site whose people make changes, installed in Ferry and linked to a new organization, for tests
 * that watch those changes become activities (through Connect webhooks or Forge events alike).
 */
public record ActivitySite(JiraSimulator jira, PersonActions people, String organization, JdbcClient jdbc)
        implements AutoCloseable {

    /** Starts the site with the dataset's people, installs it as {@code siteKey}, links it to a new organization. */
    public static ActivitySite start(ApplicationContext context, String siteKey, String secret,
            String organizationName) {
        JiraSimulator jira = JiraSimulator.start();
        jira.credentials().install("ferry-for-jira", secret);
        ActivityDataset.PEOPLE.forEach(p -> jira.data().accounts().add(p[0], p[1], p[2]));
        PersonActions people = new PersonActions(jira);
        context.getBean(TestSites.class).installAt(siteKey, secret, jira.baseUrl());
        String organization = context.getBean(Organizations.class).create(organizationName).id();
        context.getBean(SiteLinks.class).linkConnection(siteKey, organization, "test", Instant.now());
        return new ActivitySite(jira, people, organization, context.getBean(JdbcClient.class));
    }

    /** What the site holds now, read as Ferry would read it. */
    public SiteChanges changes() {
        return new SiteChanges(jira.data(), jira.baseUrl());
    }

    /** The natural keys of the organization's activities. */
    public Set<String> activityKeys() {
        return new HashSet<>(jdbc.sql("select natural_key from activity where organization_id = ?").param(organization)
                .query(String.class).list());
    }

    /** {@code kind|actor|url} of the activity stored under the key. */
    public String activity(String naturalKey) {
        return jdbc.sql("select kind || '|' || actor_account_id || '|' || url from activity where natural_key = ?")
                .param(naturalKey).query(String.class).single();
    }

    @Override
    public void close() {
        jira.close();
    }
}
