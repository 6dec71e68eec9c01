package dev.ferry.template;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Links and cards in an ADF template lead only to absolute http(s) URLs, the rule Ferry applies to
 * resultsUrl ({@link AdfNodes#isWebUrl}): a literal URL is checked when the rule is saved, a URL a variable
 * builds when it is rendered, where {@link AdfCleaner} drops a link or card that does not pass.
 */
final class AdfLinks {

    static final Set<String> CARDS = Set.of("inlineCard", "blockCard", "embedCard");

    private AdfLinks() {
    }

    /** Refuses a link or card whose URL, or the literal text before its first variable, is not http(s). */
    static void check(JsonNode node, String path) {
        String type = node.path("type").asString("");
        if (type.equals("link")) {
            checkUrl(node.path("attrs").path("href"), path + ".attrs.href");
        } else if (CARDS.contains(type)) {
            checkUrl(node.path("attrs").path("url"), path + ".attrs.url");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                check(property.getValue(), path + "." + property.getKey());
            }
        }
    }

    private static void checkUrl(JsonNode url, String path) {
        if (url.isString() && !allowed(url.asString())) {
            throw new InvalidTemplateException(path + ": a link must be an absolute http:// or https:// URL"
                    + " (a variable at its start is checked when the ticket is filed)");
        }
    }

    private static boolean allowed(String url) {
        int variable = url.indexOf("{{");
        if (variable < 0) {
            return AdfNodes.isWebUrl(url);
        }
        String literal = url.substring(0, variable).strip().toLowerCase(Locale.ROOT);
        return literal.isEmpty() || literal.startsWith("http://") || literal.startsWith("https://");
    }
}
