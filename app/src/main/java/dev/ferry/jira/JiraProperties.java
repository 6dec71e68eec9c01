package dev.ferry.jira;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Ferry calls Jira.
 *
 * @param connectTimeout time to open a connection to a site
 * @param readTimeout    time a single call may take
 */
@ConfigurationProperties("ferry.jira")
record JiraProperties(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout) {
}
