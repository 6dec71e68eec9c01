package dev.ferry.simulator.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's hold on Ferry without Ferry: launches a stand-in child (this class again, sleeping) the way
 * the demo launches Ferry's jar (so with the demo's watch agent), says on stdout once the child is up, then
 * waits to be stopped or killed.
 */
final class StandInDemo {

    static final String LAUNCHED = "launched Ferry stand-in";

    private StandInDemo() {
    }

    /** {@code DATA_DIR} to launch the stand-in; {@code child READY_FILE} is the stand-in, up once the file exists. */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            Files.createFile(Path.of(args[1]));
            Thread.sleep(Long.MAX_VALUE);
        }
        Path ready = Path.of(args[0]).resolve("stand-in-ready");
        FerryProcess.launch(List.of("-cp", System.getProperty("java.class.path"), StandInDemo.class.getName(), "child",
                ready.toString()), "http://127.0.0.1:0", Path.of(args[0]));
        while (!Files.exists(ready)) {
            Thread.sleep(50);
        }
        System.out.println(LAUNCHED);
        Thread.sleep(Long.MAX_VALUE);
    }
}
