package dev.ferry.panel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-issue panels' background work.
 *
 * @param glanceWorkerEnabled whether this node sets glance badges in Jira after links change
 * @param glanceWorkerThreads badges set at once; each is one call to Jira, so waiting, not CPU, is the cost
 */
@ConfigurationProperties("ferry.panels")
record PanelProperties(@DefaultValue("true") boolean glanceWorkerEnabled, @DefaultValue("4") int glanceWorkerThreads) {
}
