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

/** A duration of zero or more: for settings where 0 means "not at all" (no cache, no overlap, no leeway). */
@Documented
@Constraint(validatedBy = {})
@DurationMin
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface PositiveOrZeroDuration {

    String message() default "must be a duration of 0 or more (such as 0s, 500ms, 5m)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
