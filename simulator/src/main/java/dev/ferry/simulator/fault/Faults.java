package dev.ferry.simulator.fault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The failures scripted for a simulated site, each for a method and a path pattern and a number of
 * calls, plus Jira's per-issue write limit (about 20 writes to one issue in 2 s).
 */
public final class Faults {

    private static final Pattern ISSUE_WRITE = Pattern.compile("/rest/api/3/issue/([^/]+)(/.*)?");

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Deque<Instant>> writesByIssue = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int perIssueWriteLimit = Integer.MAX_VALUE;
    private volatile Duration perIssueWindow = Duration.ofSeconds(2);

    public Faults(Clock clock) {
        this.clock = clock;
    }

    /** The next {@code times} calls whose method and path match get the fault ({@code method} "*" for any). */
    public synchronized void add(String method, String pathRegex, Fault fault, int times) {
        rules.add(new Rule(method, Pattern.compile(pathRegex), fault, times));
    }

    /** Turns on Jira's per-issue write limit: more than {@code limit} writes to one issue in the window get a 429. */
    public void limitWritesPerIssue(int limit, Duration window) {
        perIssueWriteLimit = limit;
        perIssueWindow = window;
    }

    public synchronized void clear() {
        rules.clear();
        writesByIssue.clear();
        perIssueWriteLimit = Integer.MAX_VALUE;
    }

    /** The fault this call gets, if any; a matched rule uses up one of its calls. */
    public synchronized Optional<Fault> next(String method, String path) {
        for (Rule rule : rules) {
            if (rule.remaining > 0 && (rule.method.equals("*") || rule.method.equalsIgnoreCase(method))
                    && rule.path.matcher(path).matches()) {
                rule.remaining--;
                return Optional.of(rule.fault);
            }
        }
        return perIssueLimit(method, path);
    }

    private Optional<Fault> perIssueLimit(String method, String path) {
        var matcher = ISSUE_WRITE.matcher(path);
        if (method.equals("GET") || !matcher.matches() || perIssueWriteLimit == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Deque<Instant> writes = writesByIssue.computeIfAbsent(matcher.group(1), key -> new ArrayDeque<>());
        while (!writes.isEmpty() && writes.peekFirst().isBefore(now.minus(perIssueWindow))) {
            writes.pollFirst();
        }
        if (writes.size() >= perIssueWriteLimit) {
            return Optional.of(Fault.rateLimited(perIssueWindow, "jira-per-issue-on-write"));
        }
        writes.addLast(now);
        return Optional.empty();
    }

    private static final class Rule {
        final String method;
        final Pattern path;
        final Fault fault;
        int remaining;

        Rule(String method, Pattern path, Fault fault, int remaining) {
            this.method = method;
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
