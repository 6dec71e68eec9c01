package dev.ferry.site;

import dev.ferry.connect.InvalidTokenException;
import dev.ferry.connect.VerifiedToken;
import dev.ferry.persistence.OutageBackoff;
import dev.ferry.schedule.SingletonJob;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers each accepted lifecycle token until it expires. Its body is not signed, so the same token
 * with the same body is Jira's retry (done once already), and with another body it is a replay.
 */
@Component
class LifecycleTokens {

    private final OutageBackoff outage = new OutageBackoff("lifecycle token pruner",
            LoggerFactory.getLogger(LifecycleTokens.class));
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    LifecycleTokens(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        // A failed insert must not poison the caller's transaction (PostgreSQL aborts it): use a savepoint.
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** True the first time; false for a retry with the same body; refuses a different body. */
    boolean firstUse(VerifiedToken token, String bodyFingerprint) {
        try {
            savepoint.executeWithoutResult(status -> jdbc
                    .sql("insert into lifecycle_token (fingerprint, body_fingerprint, expires_at) values (?, ?, ?)")
                    .params(token.fingerprint(), bodyFingerprint, Timestamp.from(token.expiresAt().plusSeconds(60)))
                    .update());
            return true;
        } catch (DuplicateKeyException seen) {
            String earlierBody = jdbc.sql("select body_fingerprint from lifecycle_token where fingerprint = ?")
                    .param(token.fingerprint()).query(String.class).single();
            if (!earlierBody.equals(bodyFingerprint)) {
                throw new InvalidTokenException("the token was already used for a different request");
            }
            return false;
        }
    }

    @Scheduled(fixedDelayString = "PT10M")
    @SingletonJob(name = "lifecycle-token-prune")
    void onSchedule() {
        outage.run(this::forgetExpired);
    }

    void forgetExpired() {
        jdbc.sql("delete from lifecycle_token where expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }
}
