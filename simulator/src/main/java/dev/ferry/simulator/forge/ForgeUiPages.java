package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The HTML of Jira's host page for a Forge UI module, and the bridge script put first into the module's frame. */
final class ForgeUiPages {

    private ForgeUiPages() {
    }

    static String host(ForgeManifest.UiModule module, String viewId, IssueRef issue) {
        String title = module.key() + (issue == null ? "" : " on " + issue.key());
        return """
                <!DOCTYPE html>
                <html><head><meta charset="UTF-8"><title>%s</title></head>
                <body style="margin:0;font-family:sans-serif">
                <header style="padding:8px 16px;background:#0052cc;color:#fff">Jira (simulated site): Forge %s</header>
                <h1 style="margin:16px;font-size:18px">%s</h1>
                <iframe id="forge-frame" data-module="%s" src="%s%s/index.html" style="width:100%%;height:80vh;border:0"></iframe>
                </body></html>
                """.formatted(escape(title), escape(module.type()), escape(title), escape(module.key()),
                ForgeUiHost.FRAME_PREFIX, viewId);
    }

    /**
     * The module's page with {@code window.__bridge} defined ahead of everything else: {@code @forge/bridge} looks it
     * up when its modules load.
     */
    static String withBridge(String page, ObjectNode context, String invokePath) {
        String script = "<script>" + bridge(context, invokePath) + "</script>";
        int head = page.toLowerCase().indexOf("<head>");
        return head < 0 ? script + page : page.substring(0, head + 6) + script + page.substring(head + 6);
    }

    private static String bridge(ObjectNode context, String invokePath) {
        // JSON in a script element: "</" must not close it.
        String json = context.toString().replace("</", "<\\/");
        return """
                (function () {
                  var context = %s;
                  window.__bridge = {
                    callBridge: function (name, payload) {
                      if (name === 'getContext') {
                        return Promise.resolve(JSON.parse(JSON.stringify(context)));
                      }
                      if (name === 'invoke' && payload && payload.invokeType === 'ui-remote-fetch') {
                        return fetch('%s', {method: 'POST', headers: {'Content-Type': 'application/json'},
                          body: JSON.stringify({path: payload.path, method: payload.method, headers: payload.headers,
                            body: payload.body})}).then(function (r) { return r.json(); });
                      }
                      return Promise.reject(new Error('the simulated Forge host does not play ' + name));
                    }
                  };
                })();
                """.formatted(json, invokePath);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
