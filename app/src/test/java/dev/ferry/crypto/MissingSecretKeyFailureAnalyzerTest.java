package dev.ferry.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** A missing key reaches the operator as Boot's short start-up report, found through spring.factories. */
class MissingSecretKeyFailureAnalyzerTest {

    @Test
    void theStartUpReportNamesTheSettingAndHowToMakeAKey() {
        var failure = new BeanCreationException("secretCipher", "failed",
                new MissingSecretKeyException("on a database other nodes may share (PostgreSQL)"));

        assertThat(SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class, getClass().getClassLoader()))
                .contains(MissingSecretKeyFailureAnalyzer.class.getName());
        FailureAnalysis analysis = new MissingSecretKeyFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).contains("ferry.secret-key (env FERRY_SECRET_KEY) is not set")
                .contains("PostgreSQL").doesNotContain("openssl");
        assertThat(analysis.getAction()).contains("openssl rand -base64 32").contains("FERRY_SECRET_KEY");
    }
}
