package dev.ferry.account;

import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** A person's sessions on every node (Spring Session indexes them by the account id): ends them when the password changes. */
@Component
class PersonSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    PersonSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account except those named in {@code keep} (the session making the change). */
    void endAllBut(String accountId, Set<String> keep) {
        sessions.findByPrincipalName(accountId).keySet().stream().filter(id -> !keep.contains(id))
                .forEach(sessions::deleteById);
    }
}
