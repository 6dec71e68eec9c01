package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;

/** The simple workflow every simulated project uses; each status has Jira's category key, which never changes. */
public enum Status {
    TO_DO("10000", "To Do", "11", 2, "new", "To Do"),
    IN_PROGRESS("3", "In Progress", "21", 4, "indeterminate", "In Progress"),
    DONE("10001", "Done", "31", 3, "done", "Done");

    final String id;
    final String statusName;
    final String transitionId;
    final int categoryId;
    final String categoryKey;
    final String categoryName;

    Status(String id, String name, String transitionId, int categoryId, String categoryKey, String categoryName) {
        this.id = id;
        this.statusName = name;
        this.transitionId = transitionId;
        this.categoryId = categoryId;
        this.categoryKey = categoryKey;
        this.categoryName = categoryName;
    }

    static Optional<Status> byTransition(String transitionId) {
        return Arrays.stream(values()).filter(status -> status.transitionId.equals(transitionId)).findFirst();
    }

    String statusName() {
        return statusName;
    }

    ObjectNode json(String siteUrl) {
        ObjectNode status = Json.object();
        status.put("self", siteUrl + "/rest/api/3/status/" + id);
        status.put("id", id);
        status.put("name", statusName);
        ObjectNode category = status.putObject("statusCategory");
        category.put("id", categoryId);
        category.put("key", categoryKey);
        category.put("name", categoryName);
        category.put("colorName", categoryKey.equals("done") ? "green" : categoryKey.equals("new") ? "blue-gray" : "yellow");
        return status;
    }
}
