package dev.ferry.event;

import java.util.List;
import java.util.Map;

/** The event catalogs Ferry ships; an organization starts from one. */
public final class CatalogPresets {

    public static final String EXPERIMENTATION = "experimentation";
    static final String NONE = "none";

    private static final Map<String, List<EventTypeDefinition>> PRESETS = Map.of(
            EXPERIMENTATION, experimentation(),
            NONE, List.of());

    private CatalogPresets() {
    }

    static boolean exists(String preset) {
        return PRESETS.containsKey(preset);
    }

    public static List<EventTypeDefinition> of(String preset) {
        List<EventTypeDefinition> types = PRESETS.get(preset);
        if (types == null) {
            throw new IllegalArgumentException("no catalog preset " + preset);
        }
        return types;
    }

    /** An experimentation platform's events, exactly as its integration ships them; anything else starts disabled. */
    private static List<EventTypeDefinition> experimentation() {
        return List.of(
                new EventTypeDefinition("experiment.winner_declared",
                        List.of("experimentName", "winnerVariationName", "primaryMetricName", "lift", "confidence",
                                "sampleSize", "engine", "declaredAt", "resultsUrl?"),
                        true, "Task", "Medium", "[Rollout] {{winnerVariationName}} won on {{experimentName}}",
                        List.of("rollout")),
                new EventTypeDefinition("experiment.guardrail_breached",
                        List.of("experimentName", "guardrailMetric", "observedValue", "thresholdValue",
                                "breachDirection", "detectedAt", "resultsUrl?"),
                        true, "Bug", "High", "[Guardrail] {{guardrailMetric}} breached on {{experimentName}}",
                        List.of("incident")),
                new EventTypeDefinition("experiment.srm_failed",
                        List.of("experimentName", "observedRatio", "expectedRatio", "pValue", "detectedAt",
                                "resultsUrl?"),
                        true, "Bug", "High", "[SRM] Sample-ratio mismatch on {{experimentName}}",
                        List.of("investigation")),
                new EventTypeDefinition("flag.rule_activated",
                        List.of("flagName", "ruleName", "environment", "activatedAt", "activatedBy", "resultsUrl?"),
                        true, "Task", "Low", "[Flag rule live] {{ruleName}} on {{flagName}}",
                        List.of("flag-rollout")));
    }
}
