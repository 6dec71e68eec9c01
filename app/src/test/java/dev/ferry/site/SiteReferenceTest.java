package dev.ferry.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a typed site URL becomes the form stored sites are compared by. */
class SiteReferenceTest {

    @Test
    void caseTrailingSlashesAndPathsAreIgnored() {
        assertThat(SiteReference.origin("HTTPS://Acme.Atlassian.net/")).contains("https://acme.atlassian.net");
        assertThat(SiteReference.origin("https://acme.atlassian.net/jira/your-work")).contains("https://acme.atlassian.net");
    }

    @Test
    void aUrlWithoutSchemeIsTakenAsHttps() {
        assertThat(SiteReference.origin("acme.atlassian.net")).contains("https://acme.atlassian.net");
    }

    @Test
    void aPortIsKept() {
        assertThat(SiteReference.origin("http://localhost:8090/")).contains("http://localhost:8090");
    }

    @Test
    void textThatIsNoUrlHasNoOrigin() {
        assertThat(SiteReference.origin("::")).isEmpty();
        assertThat(SiteReference.origin("a b c")).isEmpty();
    }

    @Test
    void onlyAHostWithADotIsASiteFerryCanWaitFor() {
        assertThat(SiteReference.siteUrl("later.atlassian.net/jira")).contains("https://later.atlassian.net");
        assertThat(SiteReference.siteUrl("http://127.0.0.1:8090")).contains("http://127.0.0.1:8090");
        assertThat(SiteReference.siteUrl("some-client-key")).isEmpty();
    }

    @Test
    void aSiteIdIsAUuidInAnyCase() {
        assertThat(SiteReference.cloudId(" 35273B54-3F06-40D2-880F-DD28CF8DAAFA ")).contains("35273b54-3f06-40d2-880f-dd28cf8daafa");
        assertThat(SiteReference.cloudId("cloud-1")).isEmpty();
    }
}
