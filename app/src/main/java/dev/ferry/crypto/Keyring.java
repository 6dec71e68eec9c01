package dev.ferry.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The current key, which seals, and every key that may still open older values. */
final class Keyring {

    private final DataKey current;
    private final Map<String, DataKey> byId = new LinkedHashMap<>();

    Keyring(DataKey current, List<DataKey> retired) {
        this.current = current;
        byId.put(current.id(), current);
        retired.forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    DataKey current() {
        return current;
    }

    Optional<DataKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }
}
