package dev.ferry.setting;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The start-up report for a setting that fails its constraint, naming it as the README's settings table does
 * ({@code ferry.delivery.worker-threads}, not Spring Boot's {@code ferry.delivery.workerThreads}), with the
 * value as written and where it was written. Registered in {@code META-INF/spring.factories}; ahead of Spring
 * Boot's own analyzer for the same failure.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        ValidationErrors errors = cause.getValidationErrors();
        StringBuilder description = new StringBuilder("Invalid setting:\n");
        for (ObjectError error : errors) {
            description.append('\n');
            if (error instanceof FieldError field) {
                describe(description, errors, field);
            } else {
                description.append("    ").append(errors.getName()).append(": ").append(error.getDefaultMessage()).append('\n');
            }
        }
        return new FailureAnalysis(description.toString(),
                "Correct the setting (a command-line argument, an environment variable or application.yml); "
                        + "README.md's settings table says what each one takes.", cause);
    }

    private static void describe(StringBuilder description, ValidationErrors errors, FieldError field) {
        ConfigurationPropertyName setting = errors.getName().append(DataObjectPropertyName.toDashedForm(field.getField()));
        ConfigurationProperty written = errors.getBoundProperties().stream()
                .filter(property -> property.getName().equals(setting)).findFirst().orElse(null);
        description.append("    Setting: ").append(setting).append('\n');
        description.append("    Value: \"").append(written != null ? written.getValue() : field.getRejectedValue()).append("\"\n");
        Origin origin = written != null ? written.getOrigin() : Origin.from(field);
        if (origin != null) {
            description.append("    Origin: ").append(origin).append('\n');
        }
        description.append("    Reason: ").append(field.getDefaultMessage()).append('\n');
    }
}
