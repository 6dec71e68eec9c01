package dev.ferry.persistence;

import dev.ferry.setting.PositiveOrZeroDuration;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the database's health is judged.
 *
 * @param outageHold how long health stays DOWN after a statement failed because the database was out, even
 *                   if the health probe's own small write gets through meanwhile (a nearly full disk takes a
 *                   one-row update but not an event)
 */
@Validated
@ConfigurationProperties("ferry.database")
record DatabaseProperties(@DefaultValue("10s") @PositiveOrZeroDuration Duration outageHold) {
}
