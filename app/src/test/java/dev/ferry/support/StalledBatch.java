package dev.ferry.support;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;

/**
 * The batch a stalled worker holds, as it was when claimed: a worker stuck behind slow Jira answers, whose
 * leases may run out and whose rows another worker may claim meanwhile.
 *
 * @param <T> the claimed row
 */
public final class StalledBatch<T> {

    private final List<T> held;
    private final Function<ApplicationContext, Consumer<T>> worker;

    /** @param worker how the worker of the context works one row of its batch */
    public StalledBatch(List<T> held, Function<ApplicationContext, Consumer<T>> worker) {
        this.held = held;
        this.worker = worker;
    }

    public int size() {
        return held.size();
    }

    /** The stalled worker wakes up and works its batch, however stale it has become meanwhile. */
    public void resume(ApplicationContext context) {
        held.forEach(worker.apply(context));
    }
}
