package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small JQL subset the simulator understands: clauses joined by AND on {@code project},
 * {@code key}, {@code status}, {@code statusCategory} (= or in), {@code issue.property[k].path = v}, and
 * {@code created}/{@code updated} compared with a relative time ({@code >= -65m}, {@code -2h}, {@code -1d},
 * {@code -1w}, from the site's clock) or an absolute date ({@code "2026-01-01 10:00"}, {@code "2026/01/01 10:00"},
 * {@code "2026-01-01"}, in the site's zone UTC); ORDER BY {@code created|updated|key|id [ASC|DESC]}, comma
 * separated. Anything else is Jira's 400.
 */
final class Jql {

    /** A JQL string: double or single quoted, with backslash escapes ({@code \"} and {@code \\}). */
    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'";
    /** Runs of plain characters are matched whole, so a list of a thousand ids does not recurse per character. */
    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(issue\\.property\\[([^\\]]+)]\\.([\\w.]+)|[\\w]+)\\s*(=|in)\\s*(\\((?:" + QUOTED + "|[^)\"']+)*+\\)|"
                    + QUOTED + "|[^\\s)]+)\\s*",
            Pattern.CASE_INSENSITIVE);
    /** Jira's relative date: a signed whole number of weeks, days, hours or minutes from now. */
    private static final Pattern RELATIVE_TIME = Pattern.compile(
            "\\s*(created|updated)\\s*(>=|<=|>|<)\\s*([\"']?)([-+]?\\d+)([wdhm])\\3\\s*", Pattern.CASE_INSENSITIVE);
    /** An absolute date or date-time in the site's zone (UTC): "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm", "yyyy-MM-dd". */
    private static final Pattern ABSOLUTE_TIME = Pattern.compile(
            "\\s*(created|updated)\\s*(>=|<=|>|<|=)\\s*([\"']?)(\\d{4})[-/](\\d{2})[-/](\\d{2})(?:\\s+(\\d{2}):(\\d{2}))?\\3\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER_BY = Pattern.compile("(?is)\\border\\s+by\\s+(.*)$");
    private static final Pattern VALUE = Pattern.compile(QUOTED + "|[^,\\s()]+");
    private static final Pattern QUOTED_OR_AND = Pattern.compile(QUOTED + "|(?i)\\s+and\\s+");

    private Jql() {
    }

    /** The query with its ORDER BY removed; blank means unbounded, which Jira refuses on search/jql. */
    static String restriction(String jql) {
        return jql == null ? "" : jql.replaceAll("(?is)\\border\\s+by\\b.*$", "").trim();
    }

    static Predicate<Issue> parse(String jql, Instant now) {
        Predicate<Issue> all = issue -> true;
        for (String clause : clauses(restriction(jql))) {
            Matcher relative = RELATIVE_TIME.matcher(clause);
            if (relative.matches()) {
                all = all.and(relativeTime(relative, now));
                continue;
            }
            Matcher absolute = ABSOLUTE_TIME.matcher(clause);
            if (absolute.matches()) {
                all = all.and(absoluteTime(absolute));
                continue;
            }
            Matcher matcher = CLAUSE.matcher(clause);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Error in the JQL Query: unsupported clause '" + clause.trim() + "'.");
            }
            all = all.and(clause(matcher));
        }
        return all;
    }

    private static Predicate<Issue> clause(Matcher matcher) {
        List<String> values = values(matcher.group(5));
        if (matcher.group(2) != null) {
            String property = unquote(matcher.group(2));
            String[] path = matcher.group(3).split("\\.");
            return issue -> {
                JsonNode node = issue.properties.get(property);
                for (String step : path) {
                    node = node == null ? null : node.get(step);
                }
                return node != null && values.contains(node.asText());
            };
        }
        return switch (matcher.group(1).toLowerCase()) {
            case "project" -> issue -> values.stream().anyMatch(v -> v.equalsIgnoreCase(issue.project.key()) || v.equals(issue.project.id()));
            case "key", "issuekey", "id" -> issue -> values.stream().anyMatch(v -> v.equalsIgnoreCase(issue.key) || v.equals(issue.id));
            case "status" -> issue -> values.stream().anyMatch(v -> v.equalsIgnoreCase(issue.status.statusName));
            case "statuscategory" -> issue -> values.stream().anyMatch(v -> v.equalsIgnoreCase(issue.status.categoryKey)
                    || v.equalsIgnoreCase(issue.status.categoryName));
            default -> throw new IllegalArgumentException("Field '" + matcher.group(1) + "' is not supported by the simulator's JQL.");
        };
    }

    /**
     * The ORDER BY as a comparator: {@code created}, {@code updated}, {@code key}, {@code id}, each ASC or DESC,
     * comma separated; empty when the query has none (then the issues come in filing order).
     */
    static java.util.Optional<java.util.Comparator<Issue>> order(String jql) {
        Matcher orderBy = jql == null ? null : ORDER_BY.matcher(jql);
        if (orderBy == null || !orderBy.find()) {
            return java.util.Optional.empty();
        }
        java.util.Comparator<Issue> order = null;
        for (String term : orderBy.group(1).split(",")) {
            String[] words = term.trim().split("\\s+");
            java.util.Comparator<Issue> one = switch (words[0].toLowerCase()) {
                case "updated" -> java.util.Comparator.comparing(issue -> issue.updated);
                case "created" -> java.util.Comparator.comparing(issue -> issue.created);
                case "id" -> java.util.Comparator.comparingLong(issue -> Long.parseLong(issue.id));
                case "key", "issuekey" -> java.util.Comparator.<Issue, String>comparing(issue -> issue.project.key())
                        .thenComparingInt(issue -> Integer.parseInt(issue.key.substring(issue.key.indexOf('-') + 1)));
                default -> throw new IllegalArgumentException("Field '" + words[0] + "' cannot be ordered by in the simulator's JQL.");
            };
            if (words.length > 1 && words[1].equalsIgnoreCase("desc")) {
                one = one.reversed();
            } else if (words.length > 1 && !words[1].equalsIgnoreCase("asc")) {
                throw new IllegalArgumentException("Error in the JQL Query: expected ASC or DESC, got '" + words[1] + "'.");
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return java.util.Optional.ofNullable(order);
    }

    private static Predicate<Issue> absoluteTime(Matcher matcher) {
        java.time.LocalDateTime at = java.time.LocalDateTime.of(Integer.parseInt(matcher.group(4)),
                Integer.parseInt(matcher.group(5)), Integer.parseInt(matcher.group(6)),
                matcher.group(7) == null ? 0 : Integer.parseInt(matcher.group(7)),
                matcher.group(8) == null ? 0 : Integer.parseInt(matcher.group(8)));
        Instant bound = at.toInstant(java.time.ZoneOffset.UTC);
        return compare(matcher.group(1).equalsIgnoreCase("created"), matcher.group(2), bound);
    }

    private static Predicate<Issue> compare(boolean created, String operator, Instant bound) {
        return issue -> {
            int order = (created ? issue.created : issue.updated).compareTo(bound);
            return switch (operator) {
                case ">=" -> order >= 0;
                case ">" -> order > 0;
                case "<=" -> order <= 0;
                case "=" -> order == 0;
                default -> order < 0;
            };
        };
    }

    private static Predicate<Issue> relativeTime(Matcher matcher, Instant now) {
        long amount = Long.parseLong(matcher.group(4).replace("+", ""));
        Instant bound = now.plus(switch (matcher.group(5).toLowerCase()) {
            case "w" -> Duration.ofDays(7 * amount);
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        });
        return compare(matcher.group(1).equalsIgnoreCase("created"), matcher.group(2), bound);
    }

    /** Splits on AND outside quoted strings, so a value may itself contain " and ". */
    private static List<String> clauses(String jql) {
        List<String> clauses = new ArrayList<>();
        Matcher quoted = QUOTED_OR_AND.matcher(jql);
        int start = 0;
        while (quoted.find()) {
            if (!quoted.group().startsWith("\"") && !quoted.group().startsWith("'")) {
                clauses.add(jql.substring(start, quoted.start()));
                start = quoted.end();
            }
        }
        clauses.add(jql.substring(start));
        return clauses;
    }

    private static List<String> values(String text) {
        String inner = text.startsWith("(") ? text.substring(1, text.length() - 1) : text;
        List<String> values = new ArrayList<>();
        Matcher value = VALUE.matcher(inner);
        while (value.find()) {
            values.add(unquote(value.group()));
        }
        return values;
    }

    private static String unquote(String text) {
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && (trimmed.startsWith("\"") || trimmed.startsWith("'"))) {
            return trimmed.substring(1, trimmed.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return trimmed;
    }
}
