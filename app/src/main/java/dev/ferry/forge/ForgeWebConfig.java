package dev.ferry.forge;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the Forge gate in front of every handler under {@code /forge/} and hands handlers their {@link ForgeCall}. */
@Configuration(proxyBeanMethods = false)
class ForgeWebConfig implements WebMvcConfigurer {

    /** Every Forge Remote route lives under this prefix, so none can be reached without a verified token. */
    static final String PREFIX = "/forge/";

    private final ForgeRemoteGate gate;

    ForgeWebConfig(ForgeRemoteGate gate) {
        this.gate = gate;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(gate).addPathPatterns(PREFIX + "**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ForgeCall.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                Object call = request.getAttribute(ForgeRemoteGate.CALL, RequestAttributes.SCOPE_REQUEST);
                if (call == null) {
                    throw new IllegalStateException(parameter.getMethod() + " asks for a Forge call outside " + PREFIX);
                }
                return call;
            }
        });
    }
}
