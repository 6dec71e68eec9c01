package dev.ferry.template;

/** A template over one of {@link TemplateLimits}: refused when saved, and a delivery that renders it fails. */
public class TemplateLimitException extends InvalidTemplateException {

    public TemplateLimitException(String reason) {
        super(reason);
    }
}
