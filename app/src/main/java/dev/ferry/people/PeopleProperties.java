package dev.ferry.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param importMaxRows the most rows one CSV import may hold (the body is also bounded by ferry.web.max-body-size)
 * @param eraseBatch    activities deleted per statement when a person is erased, so no transaction grows unbounded
 */
@ConfigurationProperties("ferry.people")
public record PeopleProperties(@DefaultValue("10000") int importMaxRows, @DefaultValue("1000") int eraseBatch) {
}
