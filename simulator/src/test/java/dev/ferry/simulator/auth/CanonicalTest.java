package dev.ferry.simulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The protocol's own examples of canonical requests (PROTOCOL §3 and §5). */
class CanonicalTest {

    @Test
    void theRootPathWithoutQueryHashesToTheKnownValue() {
        assertThat(Canonical.qsh("get", "/", null, "")).isEqualTo("c88caad15a1c1a900b8ac08aa9686f4e8184539bea1deda36e2f649430df3239");
    }

    @Test
    void anAmpersandInThePathIsEncoded() {
        assertThat(Canonical.text("POST", "/rest/api/2/project&a=b", "x=y", "")).isEqualTo("POST&/rest/api/2/project%26a=b&x=y");
    }

    @Test
    void theInstalledCallbackHashesToTheKnownValue() {
        assertThat(Canonical.qsh("POST", "/installed", null, ""))
                .isEqualTo("4a2e1de8ca74e6cafe8862d332fa3ac7a8e51e692bc6d798ea4dfedc14948bf4");
    }

    @Test
    void theAppBasePathIsNotPartOfTheHash() {
        assertThat(Canonical.text("POST", "/ferry/lifecycle/installed", null, "/ferry")).isEqualTo("POST&/lifecycle/installed&");
        assertThat(Canonical.text("GET", "/wikis/x", null, "/wiki")).isEqualTo("GET&/wikis/x&");
    }
}
