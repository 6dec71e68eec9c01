package dev.ferry.webhook;

import org.springframework.context.ApplicationContext;

/** Lets tests of other capabilities run the inbox worker once, as the scheduler would. */
public final class InboxDrain {

    private InboxDrain() {
    }

    public static int drain(ApplicationContext context) {
        return context.getBean(InboxWorker.class).drain();
    }
}
