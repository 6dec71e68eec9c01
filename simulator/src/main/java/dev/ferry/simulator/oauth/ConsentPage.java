package dev.ferry.simulator.oauth;

import java.util.List;
import java.util.Map;

/**
 * The page auth.atlassian.com shows before a user grants an app access: what the app asks for and two
 * buttons. A plain form without script, so a test's HTTP client or a headless browser can click it.
 */
final class ConsentPage {

    static final String CONSENT_PATH = "/authorize/consent";

    private ConsentPage() {
    }

    static String render(String authBaseUrl, OAuthServer.Client client, Map<String, String> asked, String accountId) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(client.id())).append(" is requesting access to your Atlassian account</title></head><body>")
                .append("<h1>").append(escape(client.id())).append(" is requesting access</h1>")
                .append("<p>Signed in as <span id=\"account\">").append(escape(accountId)).append("</span></p><ul id=\"scopes\">");
        for (String scope : List.of(asked.getOrDefault("scope", "").split(" "))) {
            html.append("<li>").append(escape(scope)).append("</li>");
        }
        html.append("</ul><form method=\"post\" action=\"").append(escape(authBaseUrl + CONSENT_PATH)).append("\">");
        for (String name : List.of("client_id", "redirect_uri", "scope", "state")) {
            html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(escape(asked.getOrDefault(name, ""))).append("\">");
        }
        return html.append("<button type=\"submit\" name=\"decision\" value=\"accept\" id=\"accept\">Accept</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Cancel</button>")
                .append("</form></body></html>").toString();
    }

    static String error(String message) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Something went wrong</title></head><body>"
                + "<h1>Something went wrong</h1><p id=\"error\">" + escape(message) + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
