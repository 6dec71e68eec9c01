package dev.ferry.support;

/** Not an exception a worker catches: the thread is gone, like its process. */
public final class WorkerKilled extends Error {

    /** Runs a drain whose worker may be killed; true when it was. */
    public static boolean during(Runnable drain) {
        try {
            drain.run();
            return false;
        } catch (WorkerKilled killed) {
            return true;
        }
    }
}
