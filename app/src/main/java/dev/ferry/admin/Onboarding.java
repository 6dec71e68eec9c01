package dev.ferry.admin;

import dev.ferry.principal.ApiScope;
import dev.ferry.refusal.BodyChecks;
import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates organizations, each with a first API key that can do everything, including issuing narrower keys. */
@Service
public class Onboarding {

    static final String OPERATOR = "operator";
    static final String FIRST_KEY_NAME = "first key";
    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

    private final OrganizationRepository organizations;
    private final ApiKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Onboarding(OrganizationRepository organizations, ApiKeys keys, ApplicationEventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One transaction: the organization, its {@link OrganizationCreated} listeners' work and the first key
     * are all there or none is.
     *
     * @param preset {@code experimentation} (also when null) or {@code none}; anything else is refused (400)
     */
    @Transactional
    public Onboarded create(String name, String preset) {
        BodyChecks body = new BodyChecks();
        String chosen = body.attempt(() -> Organization.preset(preset));
        body.attempt(() -> Organization.checkedName(name));
        body.refuseIfAny();
        Organization organization = organizations.save(Organization.create(name, clock.instant()));
        events.publishEvent(new OrganizationCreated(organization.getId(), chosen));
        IssuedKey first = keys.issue(organization.getId(), FIRST_KEY_NAME, EnumSet.allOf(ApiScope.class), OPERATOR);
        log.info("organization {} created with preset {}", organization.getId(), chosen);
        return new Onboarded(organization.getId(), organization.name(), organization.createdAt(), first);
    }
}
