package dev.ferry.simulator.demo;

/**
 * A Java agent the demo loads into Ferry's JVM: Ferry exits when the demo that started it is gone, even
 * after a {@code kill -9} that runs none of the demo's shutdown hooks. It stands alone (the JDK only),
 * since its jar joins Ferry's class path.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    /** @param parentPid the demo's process id */
    public static void premain(String parentPid) {
        ProcessHandle.of(Long.parseLong(parentPid)).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    }
}
