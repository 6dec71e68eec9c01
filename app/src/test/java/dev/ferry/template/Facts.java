package dev.ferry.template;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Event facts for template tests: a guardrail breach of the experimentation preset. */
final class Facts {

    static final Instant AT = Instant.parse("2026-11-25T14:43:00Z");
    static final String RESULTS = "https://app.example.com/experiments/42/results";

    private Facts() {
    }

    static EventFacts guardrailBreach() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("experimentName", "Checkout button");
        variables.put("guardrailMetric", "error rate");
        variables.put("observedValue", "2.4%");
        variables.put("thresholdValue", "1%");
        variables.put("resultsUrl", RESULTS);
        return with(variables);
    }

    static EventFacts with(Map<String, String> variables) {
        return new EventFacts("experiment.guardrail_breached", "Checkout button",
                "https://app.example.com/experiments/42", variables, AT);
    }

    static EventFacts withVariable(String name, String value) {
        Map<String, String> variables = new LinkedHashMap<>(guardrailBreach().variables());
        variables.put(name, value);
        return with(variables);
    }
}
