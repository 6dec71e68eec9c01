package dev.ferry.connectiontest;

import dev.ferry.connection.ConnectionKind;
import dev.ferry.connection.FailureWords;
import dev.ferry.connectiontest.ConnectionTestReport.Account;
import dev.ferry.connectiontest.ConnectionTestReport.Check;
import dev.ferry.jira.IssueType;
import dev.ferry.jira.JiraAccount;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraPermissions;
import dev.ferry.jira.JiraSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The calls of "Test connection", in order: who the connection is ({@code myself}), the default project and
 * its issue types, the permissions each feature needs ({@code mypermissions}), and Confluence. A failure that
 * would fail every later call the same way (401, network, rate limit) ends the test there.
 */
@Component
class ConnectionTestChecks {

    private final JiraClient jira;
    private final JiraPermissions permissions;

    ConnectionTestChecks(JiraClient jira, JiraPermissions permissions) {
        this.jira = jira;
        this.permissions = permissions;
    }

    /**
     * What to test.
     *
     * @param defaultProject the project to check, or null
     * @param confluence     Confluence to check, or null when none is configured
     */
    record Target(String id, ConnectionKind kind, JiraSite jira, String defaultProject, JiraSite confluence) {
    }

    /** The checks' lines as they accumulate, and whether a failure made further calls pointless. */
    private static final class Lines {
        final List<Check> checks = new ArrayList<>();
        boolean stopped;
    }

    ConnectionTestReport run(Target target) {
        Lines lines = new Lines();
        Outcome<JiraAccount> me = call(() -> jira.myself(target.jira()));
        if (me.failure() != null) {
            fail(lines, target, "account", me, "Jira");
            return ConnectionTestReport.of(target.id(), null, lines.checks);
        }
        JiraAccount account = me.value();
        lines.checks.add(Check.passed("account", "Jira at " + target.jira().baseUrl() + " answers as "
                + account.displayName() + " (" + account.accountId() + ")."));
        boolean projectSeen = target.defaultProject() != null && project(lines, target);
        if (!lines.stopped) {
            permissions(lines, target, projectSeen ? target.defaultProject() : null);
        }
        if (!lines.stopped && target.confluence() != null) {
            confluence(lines, target);
        }
        return ConnectionTestReport.of(target.id(), new Account(account.accountId(), account.displayName()), lines.checks);
    }

    /** Whether the default project is there for the account. */
    private boolean project(Lines lines, Target target) {
        String project = target.defaultProject();
        Outcome<List<IssueType>> types = call(() -> jira.issueTypes(target.jira(), project));
        if (types.failure() != null) {
            if (types.failure().kind() == JiraException.Kind.NOT_FOUND) {
                lines.checks.add(Check.failed("default project", CheckWords.projectMissing(project)));
            } else {
                fail(lines, target, "default project", types, "Jira");
            }
            return false;
        }
        List<String> fileable = types.value().stream().filter(type -> !type.subtask()).map(IssueType::name).toList();
        lines.checks.add(fileable.isEmpty() ? Check.failed("default project", CheckWords.noIssueTypes(project))
                : Check.passed("default project", "Project " + project + " takes " + String.join(", ", fileable) + "."));
        return true;
    }

    private void permissions(Lines lines, Target target, String project) {
        List<String> asked = java.util.Arrays.stream(JiraPermission.values()).map(JiraPermission::key).toList();
        Outcome<Map<String, Boolean>> held = call(() -> permissions.myPermissions(target.jira(), project, asked));
        if (held.failure() != null) {
            fail(lines, target, "permissions", held, "Jira");
            return;
        }
        feature(lines, held.value(), "tickets", "file tickets", project, JiraPermission.BROWSE_PROJECTS,
                JiraPermission.CREATE_ISSUES);
        feature(lines, held.value(), "comments", "add comments", project, JiraPermission.ADD_COMMENTS);
        feature(lines, held.value(), "audit records", "read audit records", null, JiraPermission.ADMINISTER);
    }

    private static void feature(Lines lines, Map<String, Boolean> held, String name, String does, String project,
            JiraPermission... needed) {
        List<String> missing = java.util.Arrays.stream(needed).map(JiraPermission::key)
                .filter(key -> !held.getOrDefault(key, false)).toList();
        if (!missing.isEmpty()) {
            lines.checks.add(Check.failed(name, CheckWords.forbidden(does, missing, project)));
            return;
        }
        String names = java.util.Arrays.stream(needed).map(p -> JiraPermission.named(p.key()))
                .collect(Collectors.joining(", "));
        lines.checks.add(Check.passed(name, "The account may " + does + (project == null ? "" : " in " + project)
                + ": " + names + "."));
    }

    private void confluence(Lines lines, Target target) {
        Outcome<Integer> spaces = call(() -> jira.confluenceSpaces(target.confluence()));
        if (spaces.failure() != null) {
            fail(lines, target, "confluence", spaces, "Confluence");
            return;
        }
        lines.checks.add(Check.passed("confluence", "Confluence at " + target.confluence().apiBase() + " answers"
                + (spaces.value() == 0 ? "; the account sees no space yet." : " and the account sees its spaces.")));
    }

    private static void fail(Lines lines, Target target, String name, Outcome<?> outcome, String product) {
        JiraException e = outcome.failure();
        lines.checks.add(Check.failed(name, FailureWords.of(target.kind(), e, product, outcome.waited())));
        lines.stopped = e.kind() != JiraException.Kind.NOT_FOUND && e.kind() != JiraException.Kind.DENIED
                && e.kind() != JiraException.Kind.INVALID;
    }

    /** A call's answer or failure, and how long it took: a person told "network" is also told how long Ferry waited. */
    private record Outcome<T>(T value, JiraException failure, Duration waited) {
    }

    private static <T> Outcome<T> call(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return new Outcome<>(call.get(), null, Duration.ofNanos(System.nanoTime() - start));
        } catch (JiraException e) {
            return new Outcome<>(null, e, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
