package dev.ferry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Boots Ferry; every capability lives in its own package. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FerryApplication {

    public static void main(String[] args) {
        SpringApplication.run(FerryApplication.class, args);
    }
}
