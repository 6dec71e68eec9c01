package dev.ferry.admin;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.BodyChecks;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organization's API keys: list them (never their secrets), issue one (with no scope the caller lacks), revoke one. */
@RestController
@RequestMapping("/api/v1/api-keys")
@RequiresScope(ApiScope.KEYS_MANAGE)
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    KeyList list(ApiCaller caller) {
        return new KeyList(keys.list(caller.organizationId()).stream().map(KeyBody::of).toList());
    }

    /** The new key's text is in this answer only, so no cache may keep it. */
    @PostMapping
    @ApiResponse(responseCode = "201", description = "The new key, its text shown this once",
            content = @Content(schema = @Schema(implementation = IssuedKey.class)))
    ResponseEntity<IssuedKey> issue(ApiCaller caller, @RequestBody NewKey body) {
        BodyChecks checks = new BodyChecks();
        Set<ApiScope> scopes = checks.attempt(() -> Scopes.parse(body.scopes()));
        checks.attempt(() -> ApiKey.checkedName(body.name()));
        checks.refuseIfAny();
        caller.requireAll(scopes);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(keys.issue(caller.organizationId(), body.name(), scopes, caller.actor()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(ApiCaller caller, @PathVariable String id) {
        keys.revoke(caller, id);
    }

    /** @param scopes scope values such as {@code events:write} */
    record NewKey(String name, List<String> scopes) {
    }

    record KeyList(List<KeyBody> apiKeys) {
    }

    record KeyBody(String id, String name, String prefix, List<String> scopes, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {

        static KeyBody of(ApiKey key) {
            return new KeyBody(key.getId(), key.name(), key.prefix(), Scopes.values(key.scopes()), key.createdAt(),
                    key.lastUsedAt(), key.revokedAt());
        }
    }
}
