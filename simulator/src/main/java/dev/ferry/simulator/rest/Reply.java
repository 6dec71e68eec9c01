package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What a handler answers: a status, a JSON body (or none) and any extra headers. */
record Reply(int status, JsonNode body, Map<String, String> headers) {

    static Reply ok(JsonNode body) {
        return new Reply(200, body, Map.of());
    }

    static Reply created(JsonNode body) {
        return new Reply(201, body, Map.of());
    }

    static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    /** Jira's error body: {@code {"errorMessages":[...],"errors":{field: message}}}. */
    static Reply error(int status, String message) {
        ObjectNode body = Json.object();
        body.putArray("errorMessages").add(message);
        body.putObject("errors");
        return new Reply(status, body, Map.of());
    }

    static Reply fieldErrors(Map<String, String> errors) {
        ObjectNode body = Json.object();
        body.putArray("errorMessages");
        ObjectNode fields = body.putObject("errors");
        errors.forEach(fields::put);
        return new Reply(400, body, Map.of());
    }

    static Reply notFound(String what) {
        return error(404, what);
    }
}
