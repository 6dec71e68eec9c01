package dev.ferry.sitelink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.sitelink.SiteLinkRequest.CodeCheck;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A link request's guarded changes: codes, wrong tries, expiry, the install it waits for. */
class SiteLinkRequestTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Requester ACME = new Requester("org-1", "user:ann@acme.example", "ann@acme.example");

    @Test
    void codesUseNoLookAlikesAndAreTypedInAnyCaseWithOrWithoutTheDash() {
        String code = LinkCodes.generate();

        assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        assertThat(LinkCodes.hash(7, code.toLowerCase().replace("-", " "))).isEqualTo(LinkCodes.hash(7, code));
        assertThat(LinkCodes.hash(8, code)).isNotEqualTo(LinkCodes.hash(7, code));
    }

    @Test
    void theIssuedCodeMatchesUntilItExpires() {
        SiteLinkRequest request = pending();
        request.issueCode("ABCD-EFGH", NOW, Duration.ofMinutes(30));

        assertThat(request.checkCode("abcdefgh", NOW.plusSeconds(60))).isEqualTo(CodeCheck.MATCHES);
        assertThat(request.checkCode("ABCD-EFGH", NOW.plus(Duration.ofMinutes(30)))).isEqualTo(CodeCheck.EXPIRED);
    }

    @Test
    void theFifthWrongCodeCancelsTheRequestAndAFreshCodeReplacesTheOld() {
        SiteLinkRequest request = pending();
        assertThat(request.checkCode("ABCD-EFGH", NOW)).isEqualTo(CodeCheck.NONE_ISSUED);
        request.issueCode("ABCD-EFGH", NOW, Duration.ofMinutes(30));
        request.issueCode("HJKM-NPQR", NOW, Duration.ofMinutes(30));

        for (int i = 0; i < 4; i++) {
            assertThat(request.checkCode("ABCD-EFGH", NOW)).isEqualTo(CodeCheck.WRONG);
        }
        assertThat(request.checkCode("ABCD-EFGH", NOW)).isEqualTo(CodeCheck.TOO_MANY_WRONG);

        assertThat(request.state()).isEqualTo(LinkRequestState.CANCELLED);
        assertThatThrownBy(() -> request.checkCode("HJKM-NPQR", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRequestWaitingForTheInstallBecomesPendingAndCannotTakeACodeBefore() {
        SiteLinkRequest request = SiteLinkRequest.awaitingInstall(ACME, "later.atlassian.net",
                "https://later.atlassian.net", null, NOW, Duration.ofDays(7));

        assertThatThrownBy(() -> request.issueCode("ABCD-EFGH", NOW, Duration.ofMinutes(30)))
                .isInstanceOf(IllegalStateException.class);
        request.siteInstalled("later-key", "https://later.atlassian.net");

        assertThat(request.state()).isEqualTo(LinkRequestState.PENDING);
        assertThat(request.clientKey()).isEqualTo("later-key");
    }

    @Test
    void anOpenRequestExpiresAtItsTimeAndAClosedOneStaysAsItIs() {
        SiteLinkRequest request = pending();

        assertThat(request.expireIfDue(NOW.plus(Duration.ofDays(7)).minusSeconds(1))).isFalse();
        assertThat(request.expireIfDue(NOW.plus(Duration.ofDays(7)))).isTrue();
        assertThat(request.state()).isEqualTo(LinkRequestState.EXPIRED);
        request.cancel(NOW);
        assertThat(request.state()).isEqualTo(LinkRequestState.EXPIRED);
    }

    static SiteLinkRequest pending() {
        SiteLinkRequest request = SiteLinkRequest.awaitingInstall(ACME, "acme.atlassian.net", "https://acme.atlassian.net",
                null, NOW, Duration.ofDays(7));
        request.siteInstalled("acme-key", "https://acme.atlassian.net");
        return new SiteLinkRequest(42L, 1L, request.organizationId(), request.siteEntered(), request.siteUrl(), null,
                request.clientKey(), request.requestedBy(), request.requestedByName(), request.requestedAt(),
                request.expiresAt(), request.state(), null, null, 0, null, null);
    }
}
