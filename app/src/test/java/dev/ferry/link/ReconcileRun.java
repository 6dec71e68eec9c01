package dev.ferry.link;

import dev.ferry.jira.JiraClient;
import dev.ferry.site.SiteDirectory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets tests run the nightly reconcile now. */
public final class ReconcileRun {

    private ReconcileRun() {
    }

    /** Runs it and answers {checked, updated, broken}. */
    public static int[] now(ApplicationContext context) {
        return answer(context.getBean(StatusReconciler.class).reconcileAll());
    }

    /**
     * Runs it while someone else changes the link of {@code issueKey}: just after the reconcile has read the links,
     * that link's version moves on in the database, as a webhook's save would. Answers {checked, updated, broken,
     * conflicted}.
     */
    public static int[] withConflictOn(ApplicationContext context, String issueKey) {
        TicketLinkRepository real = context.getBean(TicketLinkRepository.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TicketLinkRepository changedMeanwhile = (TicketLinkRepository) Proxy.newProxyInstance(
                TicketLinkRepository.class.getClassLoader(), new Class<?>[] {TicketLinkRepository.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("findCreatedSince")) {
                        jdbc.sql("update ticket_link set version = version + 1 where issue_key = ?").param(issueKey)
                                .update();
                    }
                    return result;
                });
        StatusReconciler reconciler = new StatusReconciler(changedMeanwhile, context.getBean(SiteDirectory.class),
                context.getBean(JiraClient.class), context.getBean(LinkProperties.class),
                context.getBean(LinkChanges.class), context.getBean(Clock.class));
        StatusReconciler.Reconciled done = reconciler.reconcileAll();
        return new int[] {done.checked(), done.updated(), done.broken(), done.conflicted()};
    }

    private static int[] answer(StatusReconciler.Reconciled done) {
        return new int[] {done.checked(), done.updated(), done.broken()};
    }
}
