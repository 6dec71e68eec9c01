package dev.ferry.connect;

/** Which token an endpoint accepts. */
public enum TokenKind {
    /** HS256 with a qsh of this exact request: webhooks, iframe pages, enabled/disabled. */
    REQUEST,
    /** HS256 from {@code AP.context.getToken()}, whose qsh is the literal {@code context-qsh}. */
    CONTEXT,
    /** RS256 signed install ({@code installed}, {@code uninstalled}), key from the install-key servers. */
    INSTALL
}
