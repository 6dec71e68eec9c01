package dev.ferry.sitelink;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.test.context.TestComponent;

/**
 * Links a site to an organization the way Ferry allows it, for tests about what happens afterwards: a
 * link request, then its one-time code typed back, through the real services. (What the configure page
 * does, issue the code after Jira says the viewer is an administrator, is done here directly, since these
 * tests have no Jira to ask; the journeys through Jira are in {@code SiteLinkRequestsTest} and the e2e tests.)
 *
 * <pre>{@code
 * @Autowired SiteLinking linking;
 * linking.link(acme.id(), "site-a-client-key");
 * }</pre>
 */
@TestComponent
public class SiteLinking {

    public static final String ACTOR = "user:test-admin";

    private final LinkRequests requests;
    private final SiteLinkRequestRepository repository;
    private final Clock clock;

    SiteLinking(LinkRequests requests, SiteLinkRequestRepository repository, Clock clock) {
        this.requests = requests;
        this.repository = repository;
        this.clock = clock;
    }

    /** Requests and confirms the link of an installed site; nothing happens when it is linked already. */
    public void link(String organizationId, String siteReference) {
        Requester requester = new Requester(organizationId, ACTOR, "admin@test.example");
        var requested = requests.request(requester, siteReference);
        if (requested.request() == null) {
            return;
        }
        long id = requested.request().id();
        requests.confirmWithCode(requester, id, issueCode(id));
    }

    /** What a Jira administrator's Decline on the configure page does to the request. */
    public void decline(long requestId) {
        SiteLinkRequest request = repository.findById(requestId).orElseThrow();
        request.decline(clock.instant());
        repository.save(request);
    }

    /** The code a Jira administrator would now see on the configure page for this request. */
    public String issueCode(long requestId) {
        String code = LinkCodes.generate();
        SiteLinkRequest request = repository.findById(requestId).orElseThrow();
        request.issueCode(code, clock.instant(), Duration.ofMinutes(30));
        repository.save(request);
        return code;
    }
}
