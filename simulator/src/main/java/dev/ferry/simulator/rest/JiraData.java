package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one simulated site holds: projects, issues, audit records and Confluence pages. Requests
 * arrive on several threads, so every access goes through this object's lock.
 */
public final class JiraData {

    private final Map<String, Project> projects = new LinkedHashMap<>();
    /** By upper-case key, in the order the issues were filed (a moved issue goes last). */
    private final Map<String, Issue> issuesByKey = new LinkedHashMap<>();
    private final Map<String, Issue> issuesById = new java.util.HashMap<>();
    /** Every worklog on the site by id, and the ids Jira reports deleted with when: worklog/updated, /deleted, /list. */
    final Map<String, ObjectNode> worklogsById = new LinkedHashMap<>();
    final List<long[]> deletedWorklogs = new ArrayList<>();
    private volatile boolean searchRepeats;
    private final Map<String, Integer> nextNumber = new LinkedHashMap<>();
    private final AuditLog auditLog;
    private final ConfluenceData confluence = new ConfluenceData(this);
    private final AtomicLong ids = new AtomicLong(10_000);
    private final Grants grants = new Grants();
    private final Accounts accounts = new Accounts();
    private final PersonalDataAccounts personalData = new PersonalDataAccounts(accounts);
    private final List<String> priorities = new ArrayList<>(List.of("Highest", "High", "Medium", "Low", "Lowest"));
    /** Accounts that may not be assigned issues, per project key; every other person's account may. */
    private final Map<String, java.util.Set<String>> unassignable = new LinkedHashMap<>();
    private volatile String plan = PAID;
    final Clock clock;

    /** The plan a site is on unless a test says otherwise. */
    public static final String PAID = "PAID";
    /** Jira's Free plan: no audit log, among other things. */
    public static final String FREE = "FREE";

    public JiraData(Clock clock) {
        this.clock = clock;
        this.auditLog = new AuditLog(clock);
        addProject("10000", "FERRY", "Ferry demo", List.of(new Project.IssueType("10001", "Task", false),
                new Project.IssueType("10002", "Bug", false), new Project.IssueType("10003", "Story", false)));
        addProject("10001", "OPS", "Operations", List.of(new Project.IssueType("10001", "Task", false),
                new Project.IssueType("10002", "Bug", false)));
    }

    public synchronized void addProject(String id, String key, String name, List<Project.IssueType> types) {
        projects.put(key, new Project(id, key, name, List.copyOf(types)));
        nextNumber.putIfAbsent(key, 1);
    }

    /** Removes a project, so the app's next call for it gets Jira's 404. */
    public synchronized void removeProject(String key) {
        projects.remove(key);
    }

    /**
     * Puts the site's Jira applications on a plan ({@code FREE}, {@code PAID} or {@code UNLICENSED}), as
     * {@code GET /rest/api/3/instance/license} then tells.
     */
    public void plan(String plan) {
        this.plan = plan;
    }

    public String plan() {
        return plan;
    }

    /** The site's Confluence: spaces, pages and comments. */
    public ConfluenceData confluence() {
        return confluence;
    }

    /** Who has an account on the site: whoever the app's credentials stand for. */
    public Accounts accounts() {
        return accounts;
    }

    /** What Atlassian's personal data reporting API knows of the site's accounts, and the reports it got. */
    public PersonalDataAccounts personalData() {
        return personalData;
    }

    /** The site's priority scheme, by name, in its order: Jira's default five at first. */
    public synchronized List<String> priorities() {
        return List.copyOf(priorities);
    }

    /** Replaces the site's priority scheme, as an admin who renamed or removed priorities would. */
    public synchronized void priorities(List<String> names) {
        priorities.clear();
        priorities.addAll(names);
    }

    /**
     * Lets an account be assigned issues in the project, or not. At first every person's account may be
     * assigned in every project (an app's bot user never may), as on a small site where everyone is a member.
     */
    public synchronized void assignable(String projectKey, String accountId, boolean may) {
        java.util.Set<String> refused = unassignable.computeIfAbsent(projectKey, key -> new java.util.HashSet<>());
        if (may) {
            refused.remove(accountId);
        } else {
            refused.add(accountId);
        }
    }

    /** Whether the account exists and may be assigned issues in the project. */
    synchronized boolean isAssignable(Project project, String accountId) {
        return accounts.find(accountId).filter(account -> "atlassian".equals(account.accountType()))
                .filter(account -> !unassignable.getOrDefault(project.key(), java.util.Set.of()).contains(accountId))
                .isPresent();
    }

    synchronized Optional<Project> project(String idOrKey) {
        return projects.values().stream()
                .filter(project -> project.key().equalsIgnoreCase(idOrKey) || project.id().equals(idOrKey)).findFirst();
    }

    /** The number of projects on the site. */
    public synchronized int projectCount() {
        return projects.size();
    }

    synchronized List<Project> projects() {
        return List.copyOf(projects.values());
    }

    synchronized Optional<Issue> issue(String idOrKey) {
        if (idOrKey == null) {
            return Optional.empty();
        }
        Issue byId = issuesById.get(idOrKey);
        return byId != null ? Optional.of(byId)
                : Optional.ofNullable(issuesByKey.get(idOrKey.toUpperCase(java.util.Locale.ROOT)));
    }

    synchronized List<Issue> issues() {
        return List.copyOf(issuesByKey.values());
    }

    /** The issues in filing order, without a copy: only for a caller holding this object's lock. */
    java.util.Collection<Issue> issuesView() {
        return java.util.Collections.unmodifiableCollection(issuesByKey.values());
    }

    /**
     * Jira's search shows an issue again on the next page when issues change while a client pages (the page
     * boundaries move under it). Turned on, every page after the first starts with the previous page's last issue.
     */
    public void searchRepeatsIssues(boolean on) {
        searchRepeats = on;
    }

    boolean searchRepeats() {
        return searchRepeats;
    }

    private void index(Issue issue) {
        issuesByKey.put(issue.key.toUpperCase(java.util.Locale.ROOT), issue);
        issuesById.put(issue.id, issue);
    }

    private void unindex(Issue issue) {
        issuesByKey.remove(issue.key.toUpperCase(java.util.Locale.ROOT));
        issuesById.remove(issue.id);
    }

    synchronized Issue newIssue(Project project, Project.IssueType type, String reporter) {
        return newIssue(project, type, reporter, clock.instant());
    }

    /** An issue filed at a given time (a generated history, or a person acting now). */
    synchronized Issue newIssue(Project project, Project.IssueType type, String reporter, Instant created) {
        int number = nextNumber.merge(project.key(), 1, Integer::sum) - 1;
        Issue issue = new Issue(nextId(), project.key() + "-" + number, project, type, created, reporter);
        index(issue);
        return issue;
    }

    /** Deletes an issue, as a user would behind the app's back; true if it existed. */
    public synchronized boolean deleteIssue(String idOrKey) {
        Optional<Issue> found = issue(idOrKey);
        found.ifPresent(issue -> {
            unindex(issue);
            // Jira deletes an issue's worklogs with it and reports them in worklog/deleted.
            long now = clock.instant().toEpochMilli();
            issue.worklogs.forEach(worklog -> worklogDeleted(worklog.path("id").asText(), now));
        });
        return found.isPresent();
    }

    synchronized void worklogAdded(ObjectNode worklog) {
        worklogsById.put(worklog.path("id").asText(), worklog);
    }

    synchronized void worklogDeleted(String id, long at) {
        if (worklogsById.remove(id) != null) {
            deletedWorklogs.add(new long[] {Long.parseLong(id), at});
        }
    }

    /**
     * Moves an issue to another project, as a person would in Jira: it keeps its id and gets the project's next
     * key. Answers the new key.
     */
    public synchronized String moveIssue(String idOrKey, String projectKey) {
        Issue issue = issue(idOrKey).orElseThrow(() -> new IllegalArgumentException("no issue " + idOrKey));
        Project target = project(projectKey).orElseThrow(() -> new IllegalArgumentException("no project " + projectKey));
        unindex(issue);
        issue.project = target;
        issue.key = target.key() + "-" + (nextNumber.merge(target.key(), 1, Integer::sum) - 1);
        issue.updated = clock.instant();
        index(issue);
        return issue.key;
    }

    /** The number of issues currently on the site. */
    public synchronized int issueCount() {
        return issuesByKey.size();
    }

    /** The issue's current status name, for assertions and the demo. */
    public synchronized Optional<String> statusOf(String key) {
        return issue(key).map(issue -> issue.status.statusName());
    }

    /** An issue property as the app last set it, for assertions and the demo. */
    public synchronized Optional<JsonNode> issueProperty(String issueIdOrKey, String propertyKey) {
        return issue(issueIdOrKey).map(issue -> issue.properties.get(propertyKey));
    }

    /** Every property set on the issue, by key: what an app or a person wrote there, for assertions. */
    public synchronized Map<String, JsonNode> issueProperties(String issueIdOrKey) {
        return issue(issueIdOrKey).map(issue -> Map.copyOf(issue.properties)).orElse(Map.of());
    }

    /** How many remote links the issue has, for assertions. */
    public synchronized int remoteLinkCount(String issueIdOrKey) {
        return issue(issueIdOrKey).map(issue -> issue.remoteLinks.size()).orElse(0);
    }

    /** The issue in Jira's REST shape (all fields), as a webhook carries it. */
    public synchronized Optional<ObjectNode> issueJson(String key, String siteUrl) {
        return issue(key).map(issue -> issue.json(siteUrl, List.of()));
    }

    /**
     * Grants or takes away the {@code EDIT_ISSUES} project permission on every issue; at first only the
     * site admin holds it, as on a fresh developer site where nobody else joined a project role yet.
     */
    public void mayEditIssues(String accountId, boolean may) {
        grant(accountId, PermissionRoutes.EDIT_ISSUES, may);
    }

    boolean canEditIssues(String accountId) {
        return holds(accountId, PermissionRoutes.EDIT_ISSUES);
    }

    /**
     * Grants or takes away a permission ({@code ADMINISTER}, {@code BROWSE_PROJECTS}, ...) from an account,
     * globally and in every project. At first the site admin holds all; everyone else uses Jira without
     * editing others' issues or administering it.
     */
    public void grant(String accountId, String permission, boolean holds) {
        grants.grant(accountId, permission, holds);
    }

    /** Whether the account holds the permission (a project permission: in every project). */
    public boolean holds(String accountId, String permission) {
        return grants.holds(accountId, permission);
    }

    String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    /** The site's clock: what a person acting now, or a generated history, counts back from. */
    public Instant now() {
        return clock.instant();
    }

    /** The site's audit log: what {@code GET /rest/api/3/auditing/record} reads. */
    public AuditLog auditLog() {
        return auditLog;
    }

    /** Adds an audit record, as Jira writes one when an admin changes something. */
    public void audit(String summary, String category, Instant created) {
        auditLog.add(summary, category, created);
    }
}
