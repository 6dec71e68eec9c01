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
 * Ferry on a random port over real HTTP, on the suite's database (H2, or PostgreSQL with -Ppostgres),
 * with a loopback install-key server and tables emptied before each test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InstallKeyServer.Initializer.class)
@ActiveProfiles("test")
@Import(TestSupportConfig.class)
@ExtendWith(CleanDatabase.class)
public @interface FerryIntegrationTest {
}
