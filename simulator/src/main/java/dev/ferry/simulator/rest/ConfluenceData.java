package dev.ferry.simulator.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the site's Confluence holds: spaces, pages and their footer and inline comments, each with its version
 * history. Plain objects rather than JSON trees, and the newest-first order kept sorted between changes, so a
 * benchmark site of thousands of pages answers each listing in well under a millisecond of sorting. Every access
 * goes through this object's lock (Confluence's own, beside {@link JiraData}'s).
 */
public final class ConfluenceData {

    /** The first space of a fresh site, as the connection test finds it. */
    static final String FIRST_SPACE_ID = "98306";

    /** Newest first by the current version's time, then by id: Confluence's {@code -modified-date}. */
    static final Comparator<Content> NEWEST_FIRST = Comparator.comparingLong(Content::modifiedMillis).reversed()
            .thenComparing(Comparator.comparingLong(Content::idNumber).reversed());

    private final JiraData site;
    private final Map<String, Space> spaces = new LinkedHashMap<>();
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, Comment> comments = new LinkedHashMap<>();
    private List<Page> pagesNewestFirst;
    private List<Comment> footerNewestFirst;
    private List<Comment> inlineNewestFirst;

    ConfluenceData(JiraData site) {
        this.site = site;
        spaces.put(FIRST_SPACE_ID, new Space(FIRST_SPACE_ID, "ENG", "Engineering", "global", "current"));
        spaces.put("98307", new Space("98307", "OPS", "Operations", "global", "current"));
        spaces.put("98308", new Space("98308", "ARCHIVE", "Old projects", "global", "archived"));
    }

    /** A space of the site; its id is new unless {@code id} names one. */
    public synchronized Space addSpace(String id, String key, String name) {
        Space space = new Space(id == null ? site.nextId() : id, key, name, "global", "current");
        spaces.put(space.id(), space);
        return space;
    }

    public synchronized List<Space> spaces() {
        return List.copyOf(spaces.values());
    }

    public synchronized Optional<Space> spaceByKey(String key) {
        return spaces.values().stream().filter(space -> space.key().equalsIgnoreCase(key)).findFirst();
    }

    synchronized Optional<Space> space(String id) {
        return Optional.ofNullable(spaces.get(id));
    }

    /** Publishes a page as {@code authorId} at {@code at}: its version 1. */
    public synchronized Page addPage(String spaceId, String title, String authorId, Instant at) {
        Page page = new Page(site.nextId(), spaceId, title, authorId, at);
        page.versions.add(new Version(1, at, authorId, ""));
        pages.put(page.id, page);
        pagesNewestFirst = null;
        return page;
    }

    /** A new version of the page by {@code authorId} at {@code at}; answers its number. */
    public synchronized int editPage(String pageId, String authorId, Instant at, String message) {
        Page page = pages.get(pageId);
        if (page == null) {
            throw new IllegalArgumentException("no page " + pageId);
        }
        pagesNewestFirst = null;
        return page.addVersion(authorId, at, message);
    }

    /** A footer or inline comment on the page by {@code authorId} at {@code at}: its version 1. */
    public synchronized Comment addComment(String pageId, boolean inline, String authorId, Instant at) {
        if (!pages.containsKey(pageId)) {
            throw new IllegalArgumentException("no page " + pageId);
        }
        Comment comment = new Comment(site.nextId(), pageId, inline);
        comment.versions.add(new Version(1, at, authorId, ""));
        comments.put(comment.id, comment);
        forgetCommentOrder();
        return comment;
    }

    /** A new version of the comment by {@code authorId} at {@code at}; answers its number. */
    public synchronized int editComment(String commentId, String authorId, Instant at) {
        Comment comment = comments.get(commentId);
        if (comment == null) {
            throw new IllegalArgumentException("no comment " + commentId);
        }
        forgetCommentOrder();
        return comment.addVersion(authorId, at, "");
    }

    public synchronized int pageCount() {
        return pages.size();
    }

    public synchronized int commentCount() {
        return comments.size();
    }

    /** Every page, in the order they were made. */
    public synchronized List<Page> pages() {
        return List.copyOf(pages.values());
    }

    /** Every footer and inline comment, in the order they were made. */
    public synchronized List<Comment> comments() {
        return List.copyOf(comments.values());
    }

    synchronized Optional<Page> page(String id) {
        return Optional.ofNullable(pages.get(id));
    }

    synchronized Optional<Comment> comment(String id) {
        return Optional.ofNullable(comments.get(id));
    }

    /** Every page, newest first; the list is not changed afterwards (a change makes a new one). */
    synchronized List<Page> pagesNewestFirst() {
        if (pagesNewestFirst == null) {
            List<Page> sorted = new ArrayList<>(pages.values());
            sorted.sort(NEWEST_FIRST);
            pagesNewestFirst = List.copyOf(sorted);
        }
        return pagesNewestFirst;
    }

    /** Every footer or inline comment, newest first. */
    synchronized List<Comment> commentsNewestFirst(boolean inline) {
        List<Comment> sorted = inline ? inlineNewestFirst : footerNewestFirst;
        if (sorted == null) {
            List<Comment> list = new ArrayList<>(comments.values().stream().filter(c -> c.inline == inline).toList());
            list.sort(NEWEST_FIRST);
            sorted = List.copyOf(list);
            if (inline) {
                inlineNewestFirst = sorted;
            } else {
                footerNewestFirst = sorted;
            }
        }
        return sorted;
    }

    private void forgetCommentOrder() {
        footerNewestFirst = null;
        inlineNewestFirst = null;
    }

    /** A Confluence space. */
    public record Space(String id, String key, String name, String type, String status) {
    }

    /** One version of a page or comment: who made it, when, and the note they left. */
    public record Version(int number, Instant createdAt, String authorId, String message) {
    }

    /** A page or a comment: something with an id and versions, listed newest first. */
    public abstract static class Content {

        final String id;
        final long idNumber;
        final List<Version> versions = new ArrayList<>();

        Content(String id) {
            this.id = id;
            this.idNumber = Long.parseLong(id);
        }

        public String id() {
            return id;
        }

        long idNumber() {
            return idNumber;
        }

        public Version current() {
            return versions.get(versions.size() - 1);
        }

        long modifiedMillis() {
            return current().createdAt().toEpochMilli();
        }

        /** Versions are only appended under the data's lock; callers copy them under it too. */
        int addVersion(String authorId, Instant at, String message) {
            int number = versions.size() + 1;
            versions.add(new Version(number, at, authorId, message == null ? "" : message));
            return number;
        }

        /** The versions, oldest first. */
        public List<Version> versions() {
            return List.copyOf(versions);
        }
    }

    /** A page of a space. */
    public static final class Page extends Content {

        final String spaceId;
        final String title;
        final String authorId;
        final Instant createdAt;

        Page(String id, String spaceId, String title, String authorId, Instant createdAt) {
            super(id);
            this.spaceId = spaceId;
            this.title = title;
            this.authorId = authorId;
            this.createdAt = createdAt;
        }

        public String title() {
            return title;
        }

        public String spaceId() {
            return spaceId;
        }
    }

    /** A footer comment (below the page) or an inline comment (on a piece of its text). */
    public static final class Comment extends Content {

        final String pageId;
        final boolean inline;

        Comment(String id, String pageId, boolean inline) {
            super(id);
            this.pageId = pageId;
            this.inline = inline;
        }

        public String pageId() {
            return pageId;
        }

        public boolean inline() {
            return inline;
        }
    }
}
