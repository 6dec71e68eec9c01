package dev.ferry.admin;

import dev.ferry.principal.ApiScope;
import dev.ferry.refusal.InvalidBody;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Scopes as API clients write them ({@code events:write}) and as the api_key row stores them (a comma list). */
final class Scopes {

    private Scopes() {
    }

    /** Refuses (400) a missing, empty or unknown scope. */
    static Set<ApiScope> parse(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            throw InvalidBody.of("/scopes", "scopes must name at least one of " + String.join(", ", all()));
        }
        EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String value : values) {
            scopes.add(named(value).orElseThrow(() -> InvalidBody.of("/scopes", "unknown scope " + value
                    + "; scopes are " + String.join(", ", all()))));
        }
        return scopes;
    }

    static String join(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(","));
    }

    /** A stored list; a scope this version no longer knows is dropped rather than failing the call. */
    static Set<ApiScope> split(String stored) {
        EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String value : stored.split(",")) {
            named(value).ifPresent(scopes::add);
        }
        return scopes;
    }

    static List<String> values(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).toList();
    }

    static List<String> all() {
        return values(EnumSet.allOf(ApiScope.class));
    }

    private static Optional<ApiScope> named(String value) {
        return Arrays.stream(ApiScope.values()).filter(scope -> scope.value().equals(value)).findFirst();
    }
}
