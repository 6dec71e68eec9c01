package dev.ferry.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plausible values for an event type's variables, so a test ticket or a preview reads like a real one
 * before the product sends anything. Names Ferry does not know get {@code sample <name>}.
 */
public final class SampleVariables {

    public static final String DEFAULT_EVENT_TYPE = "experiment.guardrail_breached";

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("experimentName", "Checkout redesign"), Map.entry("winnerVariationName", "Variant B"),
            Map.entry("primaryMetricName", "Conversion rate"), Map.entry("lift", "+4.2%"),
            Map.entry("confidence", "97%"), Map.entry("sampleSize", "48210"), Map.entry("engine", "bayesian"),
            Map.entry("guardrailMetric", "Error rate"), Map.entry("observedValue", "2.4%"),
            Map.entry("thresholdValue", "1%"), Map.entry("breachDirection", "above"),
            Map.entry("observedRatio", "0.46:0.54"), Map.entry("expectedRatio", "0.5:0.5"),
            Map.entry("pValue", "0.0003"), Map.entry("flagName", "new-checkout"), Map.entry("ruleName", "10% of EU"),
            Map.entry("environment", "production"), Map.entry("activatedBy", "ada@example.com"),
            Map.entry("resultsUrl", "https://example.com/ferry/sample-results"));

    private SampleVariables() {
    }

    /** A value for each of the names, in their order; times are {@code now}. */
    public static Map<String, String> of(List<String> names, Instant now) {
        Map<String, String> values = new LinkedHashMap<>();
        names.forEach(name -> values.put(name, value(name, now)));
        return values;
    }

    private static String value(String name, Instant now) {
        if (name.endsWith("At")) {
            return now.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        return KNOWN.getOrDefault(name, "sample " + name);
    }
}
