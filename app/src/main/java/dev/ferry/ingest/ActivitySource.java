package dev.ferry.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an activity happened. */
public enum ActivitySource {
    JIRA("Jira"), CONFLUENCE("Confluence");

    private final String label;

    ActivitySource(String label) {
        this.label = label;
    }

    /** As the API writes it: {@code jira}, {@code confluence}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As the console shows it: "Jira", "Confluence". */
    public String label() {
        return label;
    }

    public static Optional<ActivitySource> of(String value) {
        return Arrays.stream(values()).filter(source -> source.value().equals(value)).findFirst();
    }
}
