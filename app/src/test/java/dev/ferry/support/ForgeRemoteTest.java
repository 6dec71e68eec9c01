package dev.ferry.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A {@link FerryIntegrationTest} whose Ferry takes Forge calls: Forge is {@link FakeForge}, its key in a loopback
 * JWKS and its installations told to Ferry by the test. Every class with it shares one Spring context.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {InstallKeyServer.Initializer.class, FakeForge.Initializer.class})
@ActiveProfiles("test")
@Import({TestSupportConfig.class, FakeForge.Admission.class})
@ExtendWith(CleanDatabase.class)
public @interface ForgeRemoteTest {
}
