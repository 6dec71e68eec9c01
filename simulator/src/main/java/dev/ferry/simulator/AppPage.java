package dev.ferry.simulator;

/** An app's page module as Jira shows it: the module's name and the signed URL of the iframe that embeds it. */
record AppPage(String name, String frameUrl) {
}
