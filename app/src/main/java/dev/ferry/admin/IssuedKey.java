package dev.ferry.admin;

import java.time.Instant;
import java.util.List;

/**
 * A key just created, with its full text: the only moment Ferry has it, since only its hash is stored.
 *
 * @param key the bearer token, {@code fy_<prefix>_<secret>}
 */
public record IssuedKey(String id, String name, String prefix, List<String> scopes, Instant createdAt, String key) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "IssuedKey[" + id + ", " + KeyMaterial.shown(prefix) + "]";
    }
}
