package dev.ferry.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Puts the ids of what a thread works on into the MDC for the length of the work, so every line logged meanwhile
 * names them (a field of its own in JSON logs). Only ids go here: a site's clientKey, a delivery's, event's,
 * webhook's or callback message's id; never a token, a secret or a body. What was there before is put back.
 */
public final class LogContext {

    public static final String SITE = "ferry.site";
    public static final String ORGANIZATION = "ferry.organization";
    public static final String DELIVERY = "ferry.delivery";
    public static final String EVENT = "ferry.event";
    public static final String WEBHOOK = "ferry.webhook";
    public static final String CALLBACK = "ferry.callback";

    private LogContext() {
    }

    /** Runs {@code work} with these key, value pairs in the MDC; a null value leaves its key out. */
    public static void run(Runnable work, Object... keysAndValues) {
        call(() -> {
            work.run();
            return null;
        }, keysAndValues);
    }

    /** Calls {@code work} with these key, value pairs in the MDC; a null value leaves its key out. */
    public static <T> T call(Supplier<T> work, Object... keysAndValues) {
        List<String[]> previous = new ArrayList<>(keysAndValues.length / 2);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            previous.add(new String[] {key, MDC.get(key)});
            if (keysAndValues[i + 1] == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, String.valueOf(keysAndValues[i + 1]));
            }
        }
        try {
            return work.get();
        } finally {
            for (String[] entry : previous) {
                if (entry[1] == null) {
                    MDC.remove(entry[0]);
                } else {
                    MDC.put(entry[0], entry[1]);
                }
            }
        }
    }
}
