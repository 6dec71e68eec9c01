package dev.ferry.connect;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a {@link ConnectJwt} handler its {@link VerifiedToken} or {@link ConnectPrincipal}. */
class VerifiedTokenArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == VerifiedToken.class || type == ConnectPrincipal.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        var verified = (VerifiedToken) webRequest.getAttribute(ConnectAuthInterceptor.VERIFIED,
                RequestAttributes.SCOPE_REQUEST);
        if (verified == null) {
            throw new IllegalStateException(parameter.getMethod() + " asks for a Connect principal but is not @ConnectJwt");
        }
        return parameter.getParameterType() == VerifiedToken.class ? verified : verified.principal();
    }
}
