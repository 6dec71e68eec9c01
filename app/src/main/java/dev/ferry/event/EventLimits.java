package dev.ferry.event;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much an event may carry. The keys stay under {@code ferry.delivery}, where they were documented before
 * events had a package of their own.
 *
 * @param maxVariableChars the longest value an event variable may have
 * @param maxVariables     how many variables an event may carry
 */
@Validated
@ConfigurationProperties("ferry.delivery")
record EventLimits(
        @DefaultValue("10000") @Positive int maxVariableChars,
        @DefaultValue("100") @Positive int maxVariables) {

    /** Room for a variable's name, quotes and separators in the stored JSON, beside its value. */
    static final int VARIABLE_OVERHEAD_CHARS = 72;

    EventLimits {
        if (maxVariables < 1 || maxVariableChars < 1 || (long) maxVariables * (maxVariableChars + VARIABLE_OVERHEAD_CHARS)
                > ProductEvents.VARIABLES_COLUMN_CHARS) {
            throw new IllegalArgumentException("ferry.delivery.max-variables x (max-variable-chars + "
                    + VARIABLE_OVERHEAD_CHARS + ") must be at most " + ProductEvents.VARIABLES_COLUMN_CHARS
                    + ", what an event's stored variables can hold");
        }
    }
}
