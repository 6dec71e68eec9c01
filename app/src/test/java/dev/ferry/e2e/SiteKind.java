package dev.ferry.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The ways an organization reaches the simulated site, each a connection kind of issue 14: the journeys of
 * tickets run over every one, since nothing above Ferry's Jira client may know which it is. Adding a kind is
 * one constant here and one case in {@link Journey#link}.
 */
enum SiteKind {

    /** The Connect app installed on the site and linked (JWT). */
    INSTALL("connect"),
    /** An Atlassian account's email and classic API token (Basic), added through {@code POST /api/v1/connections}. */
    API_TOKEN("basic"),
    /** An OAuth 2.0 (3LO) grant an Admin approved at the simulator's consent page ({@link OAuthConnections}). */
    OAUTH("bearer"),
    /**
     * The Forge app installed on the site from its manifest and linked, the link confirmed on its Forge admin page
     * ({@link ForgeSites}); Ferry calls Jira with the app system token Forge hands it.
     */
    FORGE("forge-system");

    /** Whether the kind is an installed app (Connect or Forge): a site with no connection row and no default project. */
    boolean isAppInstall() {
        return this == INSTALL || this == FORGE;
    }

    /** How the simulator records the calls Jira accepted over this kind ({@code RecordedCall.authKind()}). */
    final String auth;

    SiteKind(String auth) {
        this.auth = auth;
    }

    /** Limits a journey class to some kinds (what it proves is only about them, or costs too much thrice). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Inherited
    @interface Only {
        SiteKind[] value();
    }

    /** Every kind, or those the test class names with {@link Only}. */
    static final class Each implements ArgumentsProvider {

        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
            SiteKind[] kinds = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Only.class)
                    .map(Only::value).orElse(values());
            return Arrays.stream(kinds).map(Arguments::of);
        }
    }
}
