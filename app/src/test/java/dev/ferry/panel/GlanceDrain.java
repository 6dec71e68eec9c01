package dev.ferry.panel;

import org.springframework.context.ApplicationContext;

/** Lets tests of other capabilities run the glance badge worker once, as the scheduler would. */
public final class GlanceDrain {

    private GlanceDrain() {
    }

    public static int drain(ApplicationContext context) {
        return context.getBean(GlanceBadgeWorker.class).drain();
    }
}
