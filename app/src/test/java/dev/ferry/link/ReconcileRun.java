package dev.ferry.link;

import org.springframework.context.ApplicationContext;

/** Lets tests run the nightly reconcile now. */
public final class ReconcileRun {

    private ReconcileRun() {
    }

    /** Runs it and answers {checked, updated, broken}. */
    public static int[] now(ApplicationContext context) {
        StatusReconciler.Reconciled done = context.getBean(StatusReconciler.class).reconcileAll();
        return new int[] {done.checked(), done.updated(), done.broken()};
    }
}
