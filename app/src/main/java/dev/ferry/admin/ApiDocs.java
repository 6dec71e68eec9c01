package dev.ferry.admin;

import java.util.Map;

/**
 * What {@code api-docs/operations.yml} says about the product API: the shape of every problem, the answers
 * every call can give, and each operation's words and examples, keyed by {@code METHOD path}.
 *
 * @param problemSchema the JSON Schema of an application/problem+json answer
 * @param errors        the error answers by status, with an example each
 * @param operations    by {@code METHOD path}, such as {@code POST /api/v1/events}
 */
record ApiDocs(Map<String, Object> problemSchema, Map<String, Answer> errors, Map<String, Operation> operations) {

    /** One answer: what it means and an example of its body (none for 204). */
    record Answer(String description, Object example) {
    }

    /**
     * @param request   an example request body; none when the call takes no body
     * @param responses the success answers by status
     * @param errors    the call's own error answers (404, 409, 502…) by status, with what they mean here
     */
    record Operation(String operationId, String summary, String description, Object request,
            Map<String, Answer> responses, Map<String, String> errors) {
    }
}
