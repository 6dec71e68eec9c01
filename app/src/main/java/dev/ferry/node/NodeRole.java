package dev.ferry.node;

/** What a node does: everything (one node, or identical nodes), only HTTP, or only background work. */
public enum NodeRole {
    ALL, WEB, WORKER;

    /** Polling workers and scheduled jobs run here. */
    public boolean runsWorkers() {
        return this != WEB;
    }

    /** The product API, webhooks, Connect/Forge routes and the admin UI are served here. */
    public boolean servesRequests() {
        return this != WORKER;
    }
}
