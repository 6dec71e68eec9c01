package dev.ferry.forge;

import dev.ferry.connect.Jwt;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads when an app system token expires. The token is Atlassian's to Atlassian: Ferry does not verify it (it could
 * not), it only reads {@code exp} from its JWT payload to know how long to keep it. A token whose {@code exp} cannot
 * be read is kept for the shortest validity Forge documents; none is kept past Forge's maximum TTL.
 */
@Component
class SystemTokens {

    private final ForgeInstallationsProperties properties;

    SystemTokens(ForgeInstallationsProperties properties) {
        this.properties = properties;
    }

    Instant expiresAt(String token, Instant now) {
        Instant latest = now.plus(properties.maxTokenLifetime());
        Instant exp = exp(token).orElse(now.plus(properties.unreadableTokenLifetime()));
        return exp.isAfter(latest) ? latest : exp;
    }

    private static Optional<Instant> exp(String token) {
        try {
            return Jwt.decode(token).instant("exp");
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
