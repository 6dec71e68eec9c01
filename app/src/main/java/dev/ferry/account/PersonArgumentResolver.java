package dev.ferry.account;

import dev.ferry.principal.Person;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands an admin UI handler the {@link Person} that {@link CurrentPerson} read for this request. */
class PersonArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Person.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object person = webRequest.getAttribute(Person.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (person == null) {
            throw new IllegalStateException(parameter.getMethod() + " asks for a Person on a page nobody signed in to");
        }
        return person;
    }

}
