package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** One request budget per site, whichever connections reach it; secrets never printed. */
class JiraSiteTest {

    static final URI SITE = URI.create("https://Acme.atlassian.net/");

    @Test
    void anInstallAndTokenConnectionsToOneSiteShareOneBudget() {
        JiraSite install = new JiraSite("3f0a-client-key", SITE, "shared-secret");
        JiraSite token = new JiraSite("api-token-1", URI.create("https://acme.atlassian.net"),
                URI.create("https://acme.atlassian.net"), new JiraAuth.ApiToken("a@acme.example", "token"));
        JiraSite oauth = new JiraSite("oauth-1", URI.create("https://acme.atlassian.net"),
                URI.create("https://api.atlassian.com/ex/jira/0d7a"), new JiraAuth.OAuthBearer("access"));
        assertThat(install.budgetKey()).isEqualTo("acme.atlassian.net").isEqualTo(token.budgetKey())
                .isEqualTo(oauth.budgetKey());
        assertThat(new JiraSite("other", URI.create("https://other.atlassian.net"), "s").budgetKey())
                .isNotEqualTo(install.budgetKey());
    }

    @Test
    void noKindPrintsItsSecret() {
        assertThat(new JiraAuth.ConnectApp("shared-secret").toString()).doesNotContain("shared-secret");
        assertThat(new JiraAuth.ApiToken("a@acme.example", "tok-123").toString()).doesNotContain("tok-123");
        assertThat(new JiraAuth.OAuthBearer("access-123").toString()).doesNotContain("access-123");
        assertThat(new JiraSite("k", SITE, "shared-secret").toString()).doesNotContain("shared-secret");
    }

    @Test
    void onlyAnInstallHasASharedSecret() {
        assertThat(new JiraSite("k", SITE, "shared-secret").sharedSecret()).isEqualTo("shared-secret");
        JiraSite token = new JiraSite("api-token-1", SITE, SITE, new JiraAuth.ApiToken("a@acme.example", "t"));
        assertThatThrownBy(token::sharedSecret).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("t\"");
    }
}
