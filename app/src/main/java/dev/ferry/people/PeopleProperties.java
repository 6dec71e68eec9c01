package dev.ferry.people;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param importMaxRows the most rows one CSV import may hold (the body is also bounded by ferry.web.max-body-size)
 * @param eraseBatch    activities deleted per statement when a person is erased, so no transaction grows unbounded
 */
@Validated
@ConfigurationProperties("ferry.people")
public record PeopleProperties(
        @DefaultValue("10000") @Positive int importMaxRows,
        @DefaultValue("1000") @Positive int eraseBatch) {
}
