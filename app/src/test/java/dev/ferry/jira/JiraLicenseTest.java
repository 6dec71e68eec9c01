package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A site is on Jira's Free plan when some application is FREE and none is PAID. */
class JiraLicenseTest {

    static JiraLicense license(String... idsAndPlans) {
        List<JiraLicense.Application> apps = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndPlans.length; i += 2) {
            apps.add(new JiraLicense.Application(idsAndPlans[i], idsAndPlans[i + 1]));
        }
        return new JiraLicense(apps);
    }

    @Test
    void freeApplicationsBesideUnlicensedOnesAreTheFreePlan() {
        assertThat(license("jira-software", "FREE", "jira-servicedesk", "UNLICENSED").free()).isTrue();
    }

    @Test
    void anyPaidApplicationMakesTheSitePaid() {
        assertThat(license("jira-software", "PAID", "jira-product-discovery", "FREE").free()).isFalse();
    }

    @Test
    void noApplicationOrOnlyUnlicensedOnesIsNotTheFreePlan() {
        assertThat(license().free()).isFalse();
        assertThat(license("jira-software", "UNLICENSED").free()).isFalse();
    }

    @Test
    void theLicenseIsDescribedAsPeopleReadIt() {
        assertThat(license("jira-software", "FREE", "jira-servicedesk", "UNLICENSED").describe())
                .isEqualTo("jira-software FREE, jira-servicedesk UNLICENSED");
    }
}
