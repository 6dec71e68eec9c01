package dev.ferry.web;

import dev.ferry.refusal.Refusal;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/** Refuses, with 400 naming the field, a request body with a NUL character in any of its texts. */
@ControllerAdvice
class NulBodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        NulText.find(body, "").ifPresent(field -> {
            throw Refusal.invalid(NulText.refusal(field.isEmpty() ? "the body" : field));
        });
        return body;
    }
}
