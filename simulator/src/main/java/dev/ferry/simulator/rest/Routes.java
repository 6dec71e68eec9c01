package dev.ferry.simulator.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Method and path patterns mapped to handlers; {@code {x}} in a pattern captures one path segment. */
final class Routes {

    private final List<Route> routes = new ArrayList<>();

    Routes add(String method, String pathTemplate, Function<Call, Reply> handler) {
        String regex = pathTemplate.replaceAll("\\{[^/]+}", "([^/]+)");
        routes.add(new Route(method, Pattern.compile(regex), handler));
        return this;
    }

    /** The first matching route, with its captured path variables. */
    Optional<Match> find(String method, String path) {
        for (Route route : routes) {
            Matcher matcher = route.pattern.matcher(path);
            if (matcher.matches() && route.method.equals(method)) {
                List<String> variables = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    variables.add(java.net.URLDecoder.decode(matcher.group(group), java.nio.charset.StandardCharsets.UTF_8));
                }
                return Optional.of(new Match(route.handler, variables));
            }
        }
        return Optional.empty();
    }

    /** True if some route serves the path with any method (so a wrong method is a 405, not a 404). */
    boolean knowsPath(String path) {
        return routes.stream().anyMatch(route -> route.pattern.matcher(path).matches());
    }

    private record Route(String method, Pattern pattern, Function<Call, Reply> handler) {
    }

    /** A route that matched a request. */
    record Match(Function<Call, Reply> handler, List<String> variables) {
    }
}
