package dev.ferry.sitelink;

import dev.ferry.FerryProperties;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.Site;
import dev.ferry.site.SiteInstalled;
import dev.ferry.site.SiteReference;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization asks to link a Jira site; the request waits for Ferry's install on that site, then for
 * a Jira administrator's confirmation or the one-time code they were shown. Nothing links at once.
 */
@Service
public class LinkRequests {

    static final int MAX_REFERENCE = 512;
    /** The configure page's module key in the descriptor, part of its address inside Jira. */
    static final String CONFIGURE_MODULE = "ferry-configure";
    private static final Logger log = LoggerFactory.getLogger(LinkRequests.class);

    private final SiteReference reference;
    private final SiteLinkRepository links;
    private final SiteLinkRequestRepository requests;
    private final LinkConfirmation confirmation;
    private final SiteLinkingProperties properties;
    private final FerryProperties ferry;
    private final Clock clock;

    LinkRequests(SiteReference reference, SiteLinkRepository links, SiteLinkRequestRepository requests,
            LinkConfirmation confirmation, SiteLinkingProperties properties, FerryProperties ferry, Clock clock) {
        this.reference = reference;
        this.links = links;
        this.requests = requests;
        this.confirmation = confirmation;
        this.properties = properties;
        this.ferry = ferry;
        this.clock = clock;
    }

    /**
     * Opens a request, or answers the open one for the same site, or says the site is linked to this
     * organization already. A site linked to another organization is refused (409), as is a new request
     * beyond the organization's cap of open ones (409) and text that names no site (404).
     */
    @Transactional
    public Requested request(Requester requester, String siteReference) {
        Refusal.require(siteReference != null && !siteReference.isBlank(),
                "site must be the site's URL (https://name.atlassian.net), its site ID (cloudId) or its clientKey");
        String entered = siteReference.strip();
        Refusal.require(entered.length() <= MAX_REFERENCE, "site is longer than " + MAX_REFERENCE + " characters");
        Optional<Site> site = reference.known(entered);
        if (site.isPresent() && refuseOrAlreadyLinked(requester, site.get())) {
            return new Requested(null, site.get().clientKey());
        }
        // An installed site's plan is known now: a Free site the organization does not allow is refused at once.
        site.filter(Site::isInstalled).ifPresent(installed -> confirmation.checkPlan(requester.organizationId(),
                requester.actor(), installed.clientKey()));
        Instant now = clock.instant();
        SiteLinkRequest request = site.filter(Site::isInstalled)
                .map(installed -> existing(requester, installed.clientKey(), null, null)
                        .orElseGet(() -> SiteLinkRequest.pending(requester, entered, installed, now, properties.requestLifetime())))
                .orElseGet(() -> awaitingInstall(requester, entered, site, now));
        boolean created = request.id() == null;
        if (created) {
            refuseBeyondOpenCap(requester);
        }
        request = requests.save(request);
        if (created) {
            log.info("organization {} asked to link {} (request {}, {})", requester.organizationId(), entered,
                    request.id(), request.state());
        }
        return new Requested(view(request), null);
    }

    /** The organization's open requests, oldest first; those past their time are closed as expired first. */
    @Transactional
    public List<LinkRequestView> open(String organizationId) {
        return live(organizationId).map(this::view).toList();
    }

    /**
     * Requests a Jira administrator declined, for as long as they would have stayed open, so the organization
     * learns the answer instead of seeing the request vanish; one whose site the organization has asked for
     * again since ({@code open}) is over.
     */
    @Transactional(readOnly = true)
    public List<Declined> declined(String organizationId, List<LinkRequestView> open) {
        Set<String> askedAgain = open.stream().map(LinkRequestView::clientKey).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return requests.findDeclinedOf(organizationId, clock.instant()).stream()
                .filter(request -> !askedAgain.contains(request.clientKey()))
                .map(request -> new Declined(request.id(), request.siteEntered(), request.siteUrl(), request.clientKey(),
                        request.closedAt()))
                .toList();
    }

    /** The code a Jira administrator was shown on the configure page, typed into Ferry. */
    @Transactional(noRollbackFor = Refusal.class)
    LinkedSite confirmWithCode(Requester requester, long requestId, String code) {
        SiteLinkRequest request = ownOpen(requester.organizationId(), requestId);
        if (request.state() == LinkRequestState.AWAITING_INSTALL) {
            throw Refusal.conflict("Ferry is not installed on " + request.siteEntered() + " yet; install it first");
        }
        Refusal.require(code != null && !code.isBlank(), "code is the one-time code shown on Ferry's configure page in Jira");
        return switch (request.checkCode(code, clock.instant())) {
            case MATCHES -> confirmation.confirm(requests.save(request), "confirmed with the one-time code", "code");
            case WRONG -> {
                requests.save(request);
                throw Refusal.invalid("the code does not match; " + (SiteLinkRequest.MAX_WRONG_CODES
                        - request.wrongCodes()) + " tries left before the request is cancelled");
            }
            case TOO_MANY_WRONG -> {
                requests.save(request);
                log.warn("link request {} cancelled after {} wrong codes", requestId, SiteLinkRequest.MAX_WRONG_CODES);
                throw Refusal.conflict("too many wrong codes: the request was cancelled; ask to link the site again");
            }
            case EXPIRED -> throw Refusal.invalid(
                    "the code has expired; open Ferry's configure page in Jira again for a new one");
            case NONE_ISSUED -> throw Refusal.invalid(
                    "no code has been shown for this request yet; a Jira administrator finds it on Ferry's configure page");
        };
    }

    @Transactional
    public void cancel(String organizationId, long requestId) {
        SiteLinkRequest request = ownOpen(organizationId, requestId);
        request.cancel(clock.instant());
        requests.save(request);
    }

    /** Requests that waited for this site now wait for its administrator. */
    @EventListener
    void on(SiteInstalled installed) {
        for (SiteLinkRequest request : requests.findAwaitingInstall(lower(installed.baseUrl()),
                lower(installed.displayUrl()), installed.cloudId())) {
            request.siteInstalled(installed.clientKey(), installed.baseUrl());
            requests.save(request);
            log.info("link request {} is pending: Ferry was installed on {}", request.id(), installed.clientKey());
        }
    }

    /**
     * Keeps one organization from asking for any number of sites (each request shows its name on that site's
     * configure page): past {@code ferry.site-linking.max-open-requests} open ones it must cancel one first.
     */
    private void refuseBeyondOpenCap(Requester requester) {
        if (live(requester.organizationId()).count() >= properties.maxOpenRequests()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "Too many open link requests", "this organization has "
                    + properties.maxOpenRequests() + " open link requests, the most it may have; cancel one, or wait"
                    + " until one is confirmed or expires");
        }
    }

    /** True when this organization has the site already; refuses one linked to another organization. */
    private boolean refuseOrAlreadyLinked(Requester requester, Site site) {
        return links.findById(site.clientKey()).map(link -> {
            if (!link.belongsTo(requester.organizationId())) {
                throw Refusal.conflict("the site " + site.installation().publicUrl()
                        + " is linked to another organization; it must be disconnected there first");
            }
            return true;
        }).orElse(false);
    }

    private SiteLinkRequest awaitingInstall(Requester requester, String entered, Optional<Site> known, Instant now) {
        String url = known.map(site -> lower(site.installation().baseUrl())).or(() -> SiteReference.siteUrl(entered))
                .orElse(null);
        String cloudId = known.map(site -> site.installation().cloudId()).or(() -> SiteReference.cloudId(entered))
                .orElse(null);
        if (url == null && cloudId == null) {
            throw Refusal.notFound("no Jira site is known as " + entered
                    + "; enter the site's URL (https://name.atlassian.net) or its site ID");
        }
        return existing(requester, null, url, cloudId).orElseGet(() -> SiteLinkRequest.awaitingInstall(requester, entered,
                url, cloudId, now, properties.requestLifetime()));
    }

    private Optional<SiteLinkRequest> existing(Requester requester, String clientKey, String url, String cloudId) {
        return live(requester.organizationId())
                .filter(request -> clientKey != null ? clientKey.equals(request.clientKey())
                        : request.clientKey() == null && ((url != null && url.equals(request.siteUrl()))
                                || (cloudId != null && cloudId.equals(request.cloudId()))))
                .findFirst();
    }

    /** The organization's open requests, each closed as expired on the way if its time is up. */
    private Stream<SiteLinkRequest> live(String organizationId) {
        Instant now = clock.instant();
        return requests.findOpenOf(organizationId).stream().filter(request -> !expired(request, now));
    }

    private SiteLinkRequest ownOpen(String organizationId, long requestId) {
        SiteLinkRequest request = requests.findById(requestId).filter(r -> r.belongsTo(organizationId))
                .orElseThrow(() -> Refusal.notFound("no link request " + requestId + " in this organization"));
        if (expired(request, clock.instant())) {
            throw Refusal.conflict("the request has expired; ask to link the site again");
        }
        if (!request.state().isOpen()) {
            throw Refusal.conflict("the request is " + request.state().name().toLowerCase(Locale.ROOT));
        }
        return request;
    }

    private boolean expired(SiteLinkRequest request, Instant now) {
        if (request.expireIfDue(now)) {
            requests.save(request);
            return true;
        }
        return false;
    }

    private LinkRequestView view(SiteLinkRequest request) {
        String configure = request.state() == LinkRequestState.PENDING && request.siteUrl() != null
                ? request.siteUrl() + "/plugins/servlet/ac/" + ferry.appKey() + "/" + CONFIGURE_MODULE
                : null;
        return new LinkRequestView(request.id(), request.siteEntered(), request.siteUrl(), request.clientKey(),
                request.state().name(), request.requestedAt(), request.requestedByName(), request.expiresAt(), configure,
                ferry.baseUrlText() + "/atlassian-connect.json", properties.forgeInstallLinkOrNull());
    }

    /**
     * What asking for a site led to: an open request, or the site's clientKey when it is linked already.
     */
    public record Requested(LinkRequestView request, String alreadyLinked) {
    }

    /** A request a Jira administrator of the site declined, and when. */
    public record Declined(long id, String site, String siteUrl, String clientKey, Instant declinedAt) {
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
