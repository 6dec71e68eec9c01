package dev.ferry.crypto;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses a missing key as soon as the settings are read, before the database is opened or migrated: a node that
 * cannot run should not have changed anything first. The keyring loader checks the same again.
 */
class SecretKeyCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Only for Ferry's own applications: another Spring application in the same JVM is none of this check's business.
        if (application.getAllSources().stream().anyMatch(source -> source instanceof Class<?> type
                && type.getName().startsWith("dev.ferry."))) {
            KeyringLoader.requireKeyWhereShared(environment);
        }
    }

    /** After application.yml, the profiles and the command line are in the environment. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
