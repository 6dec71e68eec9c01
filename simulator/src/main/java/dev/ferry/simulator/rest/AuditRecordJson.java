package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * AuditRecordBean as Jira Cloud writes it: who did it from where, the object changed, its old and new values and
 * the items concerned. Generated records vary by index over Jira's usual categories, authors and objects.
 */
final class AuditRecordJson {

    /** An admin action Jira audits: where it sits, what it changed, and the field whose values moved. */
    private record Kind(String category, String summary, String typeName, String parentName, String field,
            String associatedType) {
    }

    private static final Kind[] KINDS = {
        new Kind("user management", "User created", "USER", "Atlassian", "email", "GROUP"),
        new Kind("group management", "User added to group", "GROUP", "Jira Internal Directory", "members", "USER"),
        new Kind("permissions", "Permission scheme updated", "SCHEME", "Permission schemes", "Browse Projects",
                "PROJECT"),
        new Kind("projects", "Project updated", "PROJECT", "Projects", "Project lead", "USER"),
        new Kind("workflows", "Workflow updated", "WORKFLOW", "Workflows", "Transition", "PROJECT"),
        new Kind("fields", "Custom field updated", "CUSTOM_FIELD", "Custom fields", "Description", "PROJECT"),
        new Kind("system", "Global permission added", "GLOBAL_PERMISSION", "Global permissions", "Group",
                "GROUP"),
        new Kind("issue security", "Issue security level updated", "SCHEME", "Issue security schemes", "Members",
                "PROJECT"),
        new Kind("notifications", "Notification scheme updated", "SCHEME", "Notification schemes", "Issue Created",
                "PROJECT"),
        new Kind("user management", "User's email address changed", "USER", "Atlassian", "email", "GROUP"),
        new Kind("applications", "Application access granted", "APPLICATION", "Jira Software", "Access", "GROUP"),
        new Kind("screens", "Screen updated", "SCREEN", "Screens", "Tab", "PROJECT"),
    };
    private static final String[] AUTHORS = {Users.ADMIN_ACCOUNT_ID, "5b10ac8d82e05b22cc7d4ef7",
        "5b10ac8d82e05b22cc7d4ef8", "557058:5f2c64e7-4c2a-4c61-9f0e-6f0a1b2c3d4e"};
    private static final String[] SOURCES = {"", "", "Jira Connect Plugin", "Atlassian Guard", "Jira REST API"};
    private static final String[] PROJECTS = {"FERRY", "OPS", "Platform", "Payments", "Mobile", "Support"};

    private AuditRecordJson() {
    }

    /** A record written now: by the site admin, on an object named after the change. */
    static ObjectNode written(long id, String summary, String category, Instant created) {
        ObjectNode record = head(id, summary, category, created.toEpochMilli(), Users.ADMIN_ACCOUNT_ID, "");
        record.put("remoteAddress", remoteAddress(id));
        item(record.putObject("objectItem"), Long.toString(id), summary, typeName(category), "10000", "Jira");
        record.putArray("changedValues");
        record.putArray("associatedItems");
        return record;
    }

    /** The {@code index}-th generated record: about 700 bytes of JSON, always the same for the same index. */
    static ObjectNode generated(long index, long id, long createdMillis) {
        Kind kind = KINDS[(int) (index % KINDS.length)];
        int variant = (int) (index / KINDS.length);
        String project = PROJECTS[variant % PROJECTS.length];
        ObjectNode record = head(id, kind.summary(), kind.category(), createdMillis,
                AUTHORS[(int) (index % 7 % AUTHORS.length)], SOURCES[(int) (index % 11 % SOURCES.length)]);
        record.put("description", kind.summary() + " in " + project + " by a site administrator");
        record.put("remoteAddress", remoteAddress(index));
        String objectId = Long.toString(10_000 + index % 5_000);
        item(record.putObject("objectItem"), objectId, objectName(kind, project, variant), kind.typeName(),
                Long.toString(10 + variant % 90), kind.parentName());
        record.putArray("changedValues").addObject().put("fieldName", kind.field())
                .put("changedFrom", "value " + (variant % 1000)).put("changedTo", "value " + (variant % 1000 + 1));
        item(record.putArray("associatedItems").addObject(), Long.toString(10_000 + variant % 200),
                associatedName(kind.associatedType(), project, variant), kind.associatedType(), "1", project);
        return record;
    }

    private static ObjectNode head(long id, String summary, String category, long createdMillis, String author,
            String eventSource) {
        ObjectNode record = Json.object();
        record.put("id", id);
        record.put("summary", summary);
        record.put("authorAccountId", author);
        record.put("created", Json.time(Instant.ofEpochMilli(createdMillis)));
        record.put("category", category);
        record.put("eventSource", eventSource);
        return record;
    }

    private static void item(ObjectNode item, String id, String name, String typeName, String parentId,
            String parentName) {
        item.put("id", id).put("name", name).put("typeName", typeName).put("parentId", parentId)
                .put("parentName", parentName);
    }

    private static String objectName(Kind kind, String project, int variant) {
        return switch (kind.typeName()) {
            case "USER" -> "person" + variant % 500 + "@example.com";
            case "GROUP" -> "jira-" + project.toLowerCase(java.util.Locale.ROOT) + "-users";
            case "PROJECT" -> project;
            default -> project + " " + kind.typeName().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                    + variant % 50;
        };
    }

    private static String associatedName(String type, String project, int variant) {
        return switch (type) {
            case "USER" -> "person" + variant % 500 + "@example.com";
            case "GROUP" -> "jira-software-users";
            default -> project;
        };
    }

    private static String typeName(String category) {
        return category.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
    }

    private static String remoteAddress(long seed) {
        return "10." + seed % 7 + "." + seed / 7 % 250 + "." + (1 + seed % 253);
    }
}
