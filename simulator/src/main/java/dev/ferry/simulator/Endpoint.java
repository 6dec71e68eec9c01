package dev.ferry.simulator;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;

/**
 * A part of the simulated Atlassian cloud: a WireMock transformer that only the simulator's own stubs name
 * (never applied globally), with the request path split from its query the one way every part needs.
 */
public abstract class Endpoint implements ResponseDefinitionTransformerV2 {

    private final String name;

    protected Endpoint(String name) {
        this.name = name;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final boolean applyGlobally() {
        return false;
    }

    /** The raw path of a request URL, without its query. */
    protected static String pathOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** The raw query of a request URL; null when it has none. */
    protected static String queryOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? null : url.substring(q + 1);
    }
}
