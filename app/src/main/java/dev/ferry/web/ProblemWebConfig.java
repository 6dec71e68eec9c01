package dev.ferry.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/** Lets {@link ProblemAdvice} answer for every handler, not only controller methods. */
@Configuration(proxyBeanMethods = false)
class ProblemWebConfig implements WebMvcConfigurer {

    /**
     * By default the advice is skipped when the handler is no controller method (a CORS preflight's, say),
     * and an interceptor's refusal there escaped to the container as a 500 with a stack trace in the log.
     */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.stream().filter(ExceptionHandlerExceptionResolver.class::isInstance)
                .map(ExceptionHandlerExceptionResolver.class::cast)
                .forEach(resolver -> resolver.setMappedHandlerPredicate(handler -> true));
    }
}
