package dev.ferry.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulated site for a JUnit 5 test class ({@code @RegisterExtension static JiraSimulatorExtension jira = ...}):
 * started on first use, so Spring's {@code @DynamicPropertySource} can read its URLs; after each test it
 * fails the test if the app sent a request Atlassian's specification rejects, then forgets calls and faults.
 */
public final class JiraSimulatorExtension implements AfterEachCallback, AfterAllCallback {

    private JiraSimulator jira;

    /** The simulator, started on first call. */
    public synchronized JiraSimulator jira() {
        if (jira == null) {
            jira = JiraSimulator.start();
        }
        return jira;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (jira == null) {
            return;
        }
        try {
            jira.assertNoSpecViolations();
        } finally {
            jira.reset();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (jira != null) {
            jira.close();
            jira = null;
        }
    }
}
