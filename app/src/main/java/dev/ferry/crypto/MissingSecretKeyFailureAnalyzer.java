package dev.ferry.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing key into Boot's short "APPLICATION FAILED TO START" report (what is wrong, what to do) instead
 * of a chain of bean creation stack traces the operator must read to the bottom of.
 */
class MissingSecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretKeyException cause) {
        String description = cause.getMessage().substring(0, cause.getMessage().indexOf("; refusing to start")) + ".";
        return new FailureAnalysis(description, MissingSecretKeyException.HOW_TO_MAKE_ONE, cause);
    }
}
