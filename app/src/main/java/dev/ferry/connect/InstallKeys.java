package dev.ferry.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches the RSA public keys that sign installs. A key never changes for its {@code kid}, so each is
 * fetched once and kept; the servers come from settings, never from the request.
 */
@Component
class InstallKeys {

    private static final Logger log = LoggerFactory.getLogger(InstallKeys.class);
    static final Pattern KEY_ID = Pattern.compile("^[A-Za-z0-9_\\-/]+$");
    private static final int MAX_CACHED = 1_000;

    private final ConnectProperties properties;
    private final HttpClient http;
    private final Map<String, PublicKey> cache = new ConcurrentHashMap<>();

    InstallKeys(ConnectProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.installKeysTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    PublicKey find(String keyId) {
        if (!KEY_ID.matcher(keyId).matches() || keyId.contains("//")) {
            throw new InvalidTokenException("the kid header has characters a key id may not have");
        }
        PublicKey cached = cache.get(keyId);
        if (cached != null) {
            return cached;
        }
        PublicKey key = fetch(keyId);
        if (cache.size() < MAX_CACHED) {
            cache.put(keyId, key);
        }
        return key;
    }

    private PublicKey fetch(String keyId) {
        boolean anyServerFailed = false;
        for (URI server : properties.installKeysUrls()) {
            URI url = URI.create(server.toString().replaceAll("/+$", "") + "/" + keyId);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                        .timeout(properties.installKeysTimeout()).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return parsePem(response.body(), keyId);
                }
                anyServerFailed |= response.statusCode() >= 500;
                log.info("install key {} not served by {} (HTTP {})", keyId, server, response.statusCode());
            } catch (IOException e) {
                anyServerFailed = true;
                log.warn("install key server {} unreachable for kid {}: {}", server, keyId, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InstallKeyUnavailableException(keyId);
            }
        }
        if (anyServerFailed) {
            throw new InstallKeyUnavailableException(keyId);
        }
        throw new InvalidTokenException("no install key server knows the kid " + keyId);
    }

    private static PublicKey parsePem(String pem, String keyId) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidTokenException("the install key server sent an unreadable key for kid " + keyId);
        }
    }
}
