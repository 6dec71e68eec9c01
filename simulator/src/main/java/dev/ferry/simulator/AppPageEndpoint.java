package dev.ferry.simulator;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Jira's page for an app's page module, {@code /plugins/servlet/ac/{appKey}/{moduleKey}}: the address an app
 * links to (its configure page, say), which Jira answers with its own page framing the app's module under a
 * fresh iframe token. Served as to the site admin already signed in; a browser, not the app, opens it.
 */
final class AppPageEndpoint extends Endpoint {

    static final String NAME = "ferry-jira-app-pages";
    static final String PREFIX = "/plugins/servlet/ac/";

    private volatile SiteActions site;

    AppPageEndpoint() {
        super(NAME);
    }

    /** The site whose installed app is served; set once the simulator knows its own address. */
    void serve(SiteActions site) {
        this.site = site;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        String path = pathOf(url);
        String[] keys = path.substring(PREFIX.length()).split("/", -1);
        if (keys.length != 2 || site == null) {
            return notFound("No app page at " + path);
        }
        String appKey = URLDecoder.decode(keys[0], StandardCharsets.UTF_8);
        String moduleKey = URLDecoder.decode(keys[1], StandardCharsets.UTF_8);
        return site.page(appKey, moduleKey).map(page -> html(render(appKey, moduleKey, page)))
                .orElseGet(() -> notFound("No installed app " + appKey + " with a page module " + moduleKey));
    }

    private static String render(String appKey, String moduleKey, AppPage page) {
        return """
                <!DOCTYPE html>
                <html><head><meta charset="UTF-8"><title>%s</title></head>
                <body style="margin:0;font-family:sans-serif">
                <header style="padding:8px 16px;background:#0052cc;color:#fff">Jira (simulated site)</header>
                <h1 style="margin:16px">%s</h1>
                <iframe id="%s__%s" src="%s" style="width:100%%;height:80vh;border:0"></iframe>
                </body></html>
                """.formatted(escape(page.name()), escape(page.name()), escape(appKey), escape(moduleKey),
                escape(page.frameUrl()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static ResponseDefinition html(String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "text/html;charset=UTF-8").withHeader("Cache-Control", "no-store")
                .withBody(body).build();
    }

    private static ResponseDefinition notFound(String message) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
                .withHeader("Content-Type", "text/plain;charset=UTF-8")
                .withHeader("X-Content-Type-Options", "nosniff").withBody(message + "\n").build();
    }
}
