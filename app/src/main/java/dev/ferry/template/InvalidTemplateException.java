package dev.ferry.template;

import dev.ferry.refusal.Refusal;

/** A template that cannot become a valid ticket (bad JSON, invalid ADF); the message says why. */
public class InvalidTemplateException extends Refusal {

    public InvalidTemplateException(String reason) {
        super(Kind.INVALID, "Invalid template", reason);
    }
}
