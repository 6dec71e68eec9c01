package dev.ferry;

import dev.ferry.command.FerryCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Boots Ferry; every capability lives in its own package. A first argument naming a one-shot command
 * ({@code copy-database}, {@code reencrypt-secrets}) runs that instead and exits with its code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FerryApplication {

    public static void main(String[] args) {
        if (FerryCommands.isCommand(args)) {
            System.exit(FerryCommands.run(args));
        }
        SpringApplication.run(FerryApplication.class, args);
    }
}
