package dev.ferry.setting;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.validator.constraints.time.DurationMin;

/** A duration longer than zero (an interval, a timeout, a lease); null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = {})
@DurationMin(inclusive = false)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface PositiveDuration {

    String message() default "must be a duration longer than 0 (such as 500ms, 30s, 5m)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
