package dev.ferry.template;

/** A template that cannot become a valid ticket (bad JSON, invalid ADF); the message says why. */
public class InvalidTemplateException extends RuntimeException {

    public InvalidTemplateException(String reason) {
        super(reason);
    }
}
