package dev.ferry.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus} over HTTP, its samples looked up by name and labels. */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;
    private final String text;

    private Scrape(String text) {
        this.text = text;
        this.samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
            }
        }
    }

    /** Scrapes Ferry's management port. */
    public static Scrape of(int managementPort) {
        var answer = new Http(managementPort).get("/actuator/prometheus");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return new Scrape(answer.body());
    }

    /** The sum of the samples of {@code name} that carry these label pairs; fails when there is none. */
    public double value(String name, String... labelPairs) {
        List<Sample> matching = matching(name, labelPairs);
        assertThat(matching).as("a sample %s %s in:%n%s", name, List.of(labelPairs), text).isNotEmpty();
        return matching.stream().mapToDouble(Sample::value).sum();
    }

    /** Like {@link #value}, 0 when there is no such sample yet (a counter not incremented since the start). */
    public double valueOrZero(String name, String... labelPairs) {
        return matching(name, labelPairs).stream().mapToDouble(Sample::value).sum();
    }

    /** The distinct names of every sample. */
    public List<String> names() {
        return samples.stream().map(Sample::name).distinct().toList();
    }

    private List<Sample> matching(String name, String... labelPairs) {
        return samples.stream().filter(sample -> sample.name().equals(name)).filter(sample -> {
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(sample.labels().get(labelPairs[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }
}
