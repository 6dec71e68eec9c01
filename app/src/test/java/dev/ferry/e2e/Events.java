package dev.ferry.e2e;

/** Events as a product posts them to {@code /api/v1/events}. */
final class Events {

    private Events() {
    }

    /** An experiment's guardrail breached: the preset files it as a High Bug labelled incident. */
    static String guardrail(String experimentId, String experimentName) {
        return guardrail(experimentId, experimentName, null);
    }

    /** The same, with an idempotency key when {@code idempotencyKey} is not null. */
    static String guardrail(String experimentId, String experimentName, String idempotencyKey) {
        return """
                {"type":"experiment.guardrail_breached",
                 "subject":{"type":"experiment","id":"%s","title":"%s","url":"https://exp.example/%s"},
                 "variables":{"experimentName":"%s","guardrailMetric":"Error rate","observedValue":0.052,
                   "thresholdValue":0.03,"breachDirection":"above","detectedAt":"2026-11-25T10:00:00Z",
                   "resultsUrl":"https://exp.example/%s/results"}%s}"""
                .formatted(experimentId, experimentName, experimentId, experimentName, experimentId,
                        idempotencyKey == null ? "" : ",\"idempotencyKey\":\"" + idempotencyKey + "\"");
    }
}
