package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills a site with a year of work by a team: issues filed, transitioned (with the resolution set on the way
 * into Done), renamed and reprioritised, commented on and worked on, by several people, spread over the year
 * before the site clock and ending two minutes before it. The same seed makes the same site; 20,000 issues
 * take a few seconds.
 */
public final class ActivityDataset {

    /** How much to make; the counts are what the site then holds (issues, changelog entries, comments, worklogs). */
    public record Size(int issues, int changelogEntries, int comments, int worklogs) {

        /** Enough for a test to page through a few pages of every stream. */
        public static final Size SMALL = new Size(120, 600, 240, 120);
        /** The benchmark of issue 16. */
        public static final Size BENCHMARK = new Size(20_000, 100_000, 40_000, 20_000);
    }

    /** The people who did the work: accountId, email, display name. */
    public static final List<String[]> PEOPLE = List.of(
            new String[] {"712020:a1b2c3d4-0001-4000-8000-000000000001", "ada@simulated.example", "Ada Lovelace"},
            new String[] {"712020:a1b2c3d4-0002-4000-8000-000000000002", "alan@simulated.example", "Alan Turing"},
            new String[] {"712020:a1b2c3d4-0003-4000-8000-000000000003", "grace@simulated.example", "Grace Hopper"},
            new String[] {"712020:a1b2c3d4-0004-4000-8000-000000000004", "edsger@simulated.example", "Edsger Dijkstra"},
            new String[] {"712020:a1b2c3d4-0005-4000-8000-000000000005", "barbara@simulated.example", "Barbara Liskov"},
            new String[] {"712020:a1b2c3d4-0006-4000-8000-000000000006", "donald@simulated.example", "Donald Knuth"},
            new String[] {"712020:a1b2c3d4-0007-4000-8000-000000000007", "margaret@simulated.example", "Margaret Hamilton"},
            new String[] {"712020:a1b2c3d4-0008-4000-8000-000000000008", "ken@simulated.example", "Ken Thompson"});

    private static final Duration YEAR = Duration.ofDays(365);
    /** Nothing generated is newer than this before the site clock, so worklog/updated shows it all. */
    private static final Duration QUIET = Duration.ofMinutes(2);
    private static final String SITE_URL = "";

    private ActivityDataset() {
    }

    public static void fill(JiraData data, Size size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PEOPLE.forEach(person -> data.accounts().add(person[0], person[1], person[2]));
        synchronized (data) {
            Map<String, ObjectNode> users = new HashMap<>();
            PEOPLE.forEach(person -> users.put(person[0], People.user(data, SITE_URL, person[0])));
            List<Project> projects = data.projects();
            Instant end = data.now().minus(QUIET);
            Instant start = end.minus(YEAR);
            long step = YEAR.toMillis() / Math.max(1, size.issues());
            int[] changes = spread(random, size.changelogEntries(), size.issues());
            int[] comments = spread(random, size.comments(), size.issues());
            int[] worklogs = spread(random, size.worklogs(), size.issues());
            for (int i = 0; i < size.issues(); i++) {
                Project project = projects.get(i % projects.size());
                Instant created = start.plusMillis(i * step + random.nextLong(Math.max(1, step)));
                Issue issue = data.newIssue(project, project.issueTypes().get(random.nextInt(project.issueTypes().size())),
                        person(random), created);
                issue.summary = "Generated work item " + (i + 1);
                issue.priority = "Medium";
                List<Instant> times = times(random, created, end, changes[i] + comments[i] + worklogs[i]);
                List<Character> kinds = kinds(random, changes[i], comments[i], worklogs[i]);
                for (int n = 0; n < times.size(); n++) {
                    Instant at = times.get(n);
                    String who = person(random);
                    switch (kinds.get(n)) {
                        case 'c' -> change(data, issue, who, at, random);
                        case 'm' -> comment(data, issue, users.get(who), at, random);
                        default -> SiteChanges.newWorklog(data, issue, SITE_URL, who, 900 * (1 + random.nextInt(16)),
                                at.minus(Duration.ofHours(1)), at);
                    }
                }
            }
        }
    }

    /** One changelog entry: mostly moving along the workflow, sometimes a new summary or priority. */
    private static void change(JiraData data, Issue issue, String who, Instant at, SplittableRandom random) {
        int pick = random.nextInt(10);
        if (pick < 6) {
            Status next = switch (issue.status) {
                case TO_DO -> Status.IN_PROGRESS;
                case IN_PROGRESS -> random.nextInt(3) == 0 ? Status.TO_DO : Status.DONE;
                case DONE -> Status.IN_PROGRESS;
            };
            Changes.transition(issue, data, next, who, at);
        } else if (pick < 8) {
            String summary = issue.summary.replaceAll(" \\(rev \\d+\\)$", "") + " (rev " + (1 + random.nextInt(99)) + ")";
            Changes.record(issue, data, who, at, List.of(new Changes.Item("summary", "summary", null, issue.summary, null, summary)));
            issue.summary = summary;
        } else {
            List<String> priorities = data.priorities();
            String priority = priorities.get(random.nextInt(priorities.size()));
            Changes.record(issue, data, who, at, List.of(new Changes.Item("priority", "priority", null, issue.priority, null, priority)));
            issue.priority = priority;
        }
    }

    /** A comment; one in five is edited later by its author. */
    private static void comment(JiraData data, Issue issue, ObjectNode author, Instant at, SplittableRandom random) {
        ObjectNode comment = Json.object();
        String id = data.nextId();
        comment.put("self", SITE_URL + "/rest/api/3/issue/" + issue.id + "/comment/" + id);
        comment.put("id", id);
        comment.set("author", author);
        comment.set("body", SiteChanges.paragraph("Note " + id + " on " + issue.key));
        comment.set("updateAuthor", author);
        comment.put("created", Json.time(at));
        Instant updated = random.nextInt(5) == 0 ? at.plusSeconds(60 + random.nextInt(3600)) : at;
        Instant latest = data.now().minus(QUIET);
        comment.put("updated", Json.time(updated.isAfter(latest) ? at : updated));
        comment.put("jsdPublic", true);
        issue.comments.add(comment);
        if (at.isAfter(issue.updated)) {
            issue.updated = at;
        }
    }

    private static String person(SplittableRandom random) {
        return PEOPLE.get(random.nextInt(PEOPLE.size()))[0];
    }

    /** Splits {@code total} over {@code buckets}, each getting the average give or take, summing exactly to total. */
    private static int[] spread(SplittableRandom random, int total, int buckets) {
        int[] counts = new int[Math.max(0, buckets)];
        for (int n = 0; n < total && buckets > 0; n++) {
            counts[random.nextInt(buckets)]++;
        }
        return counts;
    }

    /** Ascending times after the issue was filed, within two months of it and before the end. */
    private static List<Instant> times(SplittableRandom random, Instant created, Instant end, int count) {
        long span = Math.max(1, Math.min(Duration.ofDays(60).toMillis(), end.toEpochMilli() - created.toEpochMilli() - 1));
        long[] offsets = new long[count];
        for (int n = 0; n < count; n++) {
            offsets[n] = 1 + random.nextLong(span);
        }
        Arrays.sort(offsets);
        List<Instant> times = new ArrayList<>(count);
        for (long offset : offsets) {
            times.add(created.plusMillis(offset));
        }
        return times;
    }

    private static List<Character> kinds(SplittableRandom random, int changes, int comments, int worklogs) {
        List<Character> kinds = new ArrayList<>(changes + comments + worklogs);
        for (int n = 0; n < changes; n++) {
            kinds.add('c');
        }
        for (int n = 0; n < comments; n++) {
            kinds.add('m');
        }
        for (int n = 0; n < worklogs; n++) {
            kinds.add('w');
        }
        for (int n = kinds.size() - 1; n > 0; n--) {
            Collections.swap(kinds, n, random.nextInt(n + 1));
        }
        return kinds;
    }
}
