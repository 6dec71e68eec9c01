package dev.ferry.setting;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute {@code http} or {@code https} URL with a host, as a {@link URI} or text. Null and empty text pass:
 * several URL settings are optional, empty meaning "not set" (use {@code @NotNull} where one is required).
 */
@Documented
@Constraint(validatedBy = {HttpUrl.ForUri.class, HttpUrl.ForText.class})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface HttpUrl {

    String message() default "must be an absolute http or https URL with a host (such as https://ferry.example.com)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link URI}. */
    class ForUri implements ConstraintValidator<HttpUrl, URI> {

        @Override
        public boolean isValid(URI value, ConstraintValidatorContext context) {
            return value == null || isHttpUrl(value);
        }

        static boolean isHttpUrl(URI url) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
        }
    }

    /** Checks text; empty text is "not set". */
    class ForText implements ConstraintValidator<HttpUrl, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty()) {
                return true;
            }
            try {
                return ForUri.isHttpUrl(new URI(value.toString()));
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
