package dev.ferry.refusal;

/**
 * Why Ferry will not do what it was asked: a kind, a short title and the detail. Any package throws one;
 * the web layer alone decides what each kind means as an HTTP answer, so the domain never names a status.
 */
public class Refusal extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        INVALID("Bad request"),
        FORBIDDEN("Forbidden"),
        NOT_FOUND("Not found"),
        CONFLICT("Conflict"),
        /** Jira answered but would not do it (or did not answer in a way Ferry can use). */
        JIRA_REFUSED("Jira refused"),
        /** Jira could not be reached or is overloaded; trying later may work. */
        JIRA_UNAVAILABLE("Jira unavailable");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        /** The title a refusal of this kind has unless it names its own. */
        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final String title;

    public Refusal(Kind kind, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.title = title;
    }

    public Refusal(Kind kind, String detail) {
        this(kind, kind.title(), detail);
    }

    /** Refuses as invalid, with the reason, unless the condition holds. */
    public static void require(boolean condition, String reason) {
        if (!condition) {
            throw invalid(reason);
        }
    }

    public static Refusal invalid(String detail) {
        return new Refusal(Kind.INVALID, detail);
    }

    public static Refusal notFound(String detail) {
        return new Refusal(Kind.NOT_FOUND, detail);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, detail);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, detail);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
