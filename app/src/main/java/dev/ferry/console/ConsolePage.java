package dev.ferry.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose pages sit in the console's layout: {@link FrameAdvice} adds the frame to its
 * model. On the class it names the page title and the lit nav entry for all its handlers; on a handler
 * it overrides either.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ConsolePage {

    /** The page's title (the browser tab); blank: the class's. */
    String title() default "";

    /** The key of the nav entry to light ({@code destinations}, …); blank: the class's, else none. */
    String nav() default "";
}
