package dev.ferry.simulator.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Confluence content for tests and benchmarks: {@link #fill} writes thousands of pages with version histories and
 * comments by several people in a second, the same for the same seed; the other methods let a test act as one
 * person on the site, at the site's clock.
 */
public final class ConfluenceDataset {

    /** The spaces {@link #fill} spreads pages over, beside the site's own. */
    static final List<String[]> SPACES = List.of(new String[] {"DOCS", "Documentation"},
            new String[] {"PM", "Product management"}, new String[] {"SUP", "Support"});
    static final int AUTHORS = 12;
    private static final Duration YEAR = Duration.ofDays(365);
    private static final String[] WORDS = {"Release", "plan", "Runbook", "Retro", "Design", "notes", "API", "Roadmap",
            "Onboarding", "Incident", "review", "Checklist", "Q3", "Pricing", "Architecture", "Decision"};

    private ConfluenceDataset() {
    }

    /** The accountId of the {@code n}th author {@link #fill} writes as (0 to 11). */
    public static String author(int n) {
        return "557058:confluence-author-" + (n < 10 ? "0" : "") + n;
    }

    /**
     * Adds {@code pages} pages over the site's current spaces and three more, each with 1–5 versions by several of
     * twelve authors, and footer and inline comments (some edited), all within the year before the site's clock.
     */
    public static void fill(JiraData data, int pages, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < AUTHORS; n++) {
            data.accounts().add(author(n), "author" + n + "@confluence.example", "Author " + n);
        }
        ConfluenceData confluence = data.confluence();
        for (String[] space : SPACES) {
            if (confluence.spaceByKey(space[0]).isEmpty()) {
                confluence.addSpace(null, space[0], space[1]);
            }
        }
        List<String> spaceIds = new ArrayList<>(confluence.spaces().stream()
                .filter(space -> space.status().equals("current")).map(ConfluenceData.Space::id).toList());
        Instant now = data.now();
        long yearMillis = YEAR.toMillis();
        for (int i = 0; i < pages; i++) {
            long at = now.toEpochMilli() - 1 - random.nextLong(yearMillis);
            ConfluenceData.Page page = confluence.addPage(spaceIds.get(random.nextInt(spaceIds.size())), title(random, i),
                    author(random.nextInt(AUTHORS)), Instant.ofEpochMilli(at));
            int versions = 1 + random.nextInt(5);
            long last = at;
            for (int v = 2; v <= versions; v++) {
                last = later(random, last, now);
                confluence.editPage(page.id(), author(random.nextInt(AUTHORS)), Instant.ofEpochMilli(last),
                        random.nextInt(3) == 0 ? "" : "Edit " + v);
            }
            comments(confluence, random, page.id(), at, now);
        }
    }

    private static void comments(ConfluenceData confluence, SplittableRandom random, String pageId, long after,
            Instant now) {
        int count = random.nextInt(3);
        for (int c = 0; c < count; c++) {
            long at = later(random, after, now);
            ConfluenceData.Comment comment = confluence.addComment(pageId, random.nextInt(4) == 0,
                    author(random.nextInt(AUTHORS)), Instant.ofEpochMilli(at));
            if (random.nextInt(4) == 0) {
                confluence.editComment(comment.id(), comment.current().authorId(), Instant.ofEpochMilli(later(random, at, now)));
            }
        }
    }

    /** A time after {@code after} and before {@code now}: somewhere in the first half of what is left. */
    private static long later(SplittableRandom random, long after, Instant now) {
        long left = Math.max(2, (now.toEpochMilli() - after) / 2);
        return Math.min(now.toEpochMilli() - 1, after + 1 + random.nextLong(left));
    }

    private static String title(SplittableRandom random, int i) {
        return WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + (i + 1);
    }

    /** Publishes a page in the space with that key as {@code accountId}, now; answers its id. */
    public static String createPage(JiraData data, String accountId, String spaceKey, String title) {
        ConfluenceData.Space space = data.confluence().spaceByKey(spaceKey)
                .orElseThrow(() -> new IllegalArgumentException("no space " + spaceKey));
        return data.confluence().addPage(space.id(), title, accountId, data.now()).id();
    }

    /** Edits the page as {@code accountId}, now: a new version; answers its number. */
    public static int editPage(JiraData data, String accountId, String pageId, String message) {
        return data.confluence().editPage(pageId, accountId, data.now(), message);
    }

    /** Comments below the page as {@code accountId}, now; answers the comment's id. */
    public static String footerComment(JiraData data, String accountId, String pageId) {
        return data.confluence().addComment(pageId, false, accountId, data.now()).id();
    }

    /** Comments on a piece of the page's text as {@code accountId}, now; answers the comment's id. */
    public static String inlineComment(JiraData data, String accountId, String pageId) {
        return data.confluence().addComment(pageId, true, accountId, data.now()).id();
    }

    /** Edits the comment as {@code accountId}, now: a new version; answers its number. */
    public static int editComment(JiraData data, String accountId, String commentId) {
        return data.confluence().editComment(commentId, accountId, data.now());
    }
}
