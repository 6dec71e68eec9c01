package dev.ferry.principal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API key needs for a product API handler (on the method, or on the controller for all its
 * methods). One interceptor checks it before the handler runs; a handler under {@code /api} without it is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {

    ApiScope value();
}
