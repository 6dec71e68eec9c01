package dev.ferry.simulator.spec;

/** A request the app sent that Atlassian's specification rejects. */
public record Violation(String method, String url, String message) {

    @Override
    public String toString() {
        return method + " " + url + ": " + message;
    }
}
