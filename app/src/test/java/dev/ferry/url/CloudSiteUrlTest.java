package dev.ferry.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What people type as their Jira site, read as the site Ferry calls, or refused with the expected form. */
class CloudSiteUrlTest {

    final OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of("127.0.0.1"), false),
            host -> List.of(InetAddress.getByName("104.192.141.1")));

    @Test
    void theSiteItselfIsKeptWithoutANote() {
        CloudSiteUrl site = guard.siteUrl("https://acme.atlassian.net");
        assertThat(site.site()).isEqualTo(URI.create("https://acme.atlassian.net"));
        assertThat(site.note()).isNull();
    }

    @Test
    void spacesATrailingSlashAndTheDefaultPortAreDroppedQuietly() {
        assertThat(guard.siteUrl("  https://acme.atlassian.net/ ")).isEqualTo(new CloudSiteUrl(URI.create("https://acme.atlassian.net"), null));
        assertThat(guard.siteUrl("https://acme.atlassian.net:443/").site()).isEqualTo(URI.create("https://acme.atlassian.net"));
    }

    @Test
    void anUpperCaseHostIsLowerCased() {
        assertThat(guard.siteUrl("HTTPS://ACME.Atlassian.Net").site()).isEqualTo(URI.create("https://acme.atlassian.net"));
    }

    @Test
    void aPageOfTheSiteIsReducedToTheSiteWithANote() {
        for (String typed : List.of("https://acme.atlassian.net/browse/X-1", "https://acme.atlassian.net/jira/software/projects/X/boards/1",
                "https://acme.atlassian.net/wiki", "https://acme.atlassian.net/?filter=1", "https://acme.atlassian.net/#top")) {
            CloudSiteUrl site = guard.siteUrl(typed);
            assertThat(site.site()).as(typed).isEqualTo(URI.create("https://acme.atlassian.net"));
            assertThat(site.note()).as(typed).isEqualTo("Ferry keeps only the site: reduced to https://acme.atlassian.net");
        }
    }

    @Test
    void httpIsRefusedForCloudWithTheExpectedForm() {
        assertThatThrownBy(() -> guard.siteUrl("http://acme.atlassian.net")).isInstanceOf(InvalidSiteUrlException.class)
                .hasMessage("Jira Cloud answers over https only: write it as https://your-domain.atlassian.net");
    }

    @Test
    void httpIsAcceptedForAListedHost() {
        assertThat(guard.siteUrl("http://127.0.0.1:8080/")).isEqualTo(new CloudSiteUrl(URI.create("http://127.0.0.1:8080"), null));
    }

    @Test
    void whatIsNotASiteUrlIsRefusedWithTheExpectedForm() {
        for (String typed : List.of("acme", "acme.atlassian.net", "not a url", "https://", "ftp://acme.atlassian.net",
                "mailto:me@acme.atlassian.net", "https:acme")) {
            assertThatThrownBy(() -> guard.siteUrl(typed)).as(typed).isInstanceOf(InvalidSiteUrlException.class)
                    .hasMessage("That is not a Jira site URL: write it as https://your-domain.atlassian.net");
        }
        assertThatThrownBy(() -> guard.siteUrl("  ")).isInstanceOf(InvalidSiteUrlException.class).hasMessageStartingWith("Enter");
        assertThatThrownBy(() -> guard.siteUrl(null)).isInstanceOf(InvalidSiteUrlException.class);
    }

    @Test
    void userInfoIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> guard.siteUrl("https://me:pw@acme.atlassian.net")).isInstanceOf(InvalidSiteUrlException.class)
                .hasMessageNotContaining("pw");
    }

    @Test
    void aSiteOutsideCloudIsBlockedByTheGuard() {
        assertThatThrownBy(() -> guard.siteUrl("https://jira.example.com/browse/X-1")).isInstanceOf(BlockedAddressException.class)
                .hasMessageEndingWith("jira.example.com is not one of them");
        assertThatThrownBy(() -> guard.siteUrl("https://10.0.0.5")).isInstanceOf(BlockedAddressException.class)
                .hasMessageEndingWith("10.0.0.5 is a private address");
    }
}
