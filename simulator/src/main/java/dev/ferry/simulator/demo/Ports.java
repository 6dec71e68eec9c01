package dev.ferry.simulator.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The demo's ports on 127.0.0.1: a chosen port must be free, checked before anything starts on it. */
final class Ports {

    private Ports() {
    }

    /** The chosen port, or a refusal naming whose port it is and the flag that chooses another. */
    static int claim(int port, String whose, String flag) {
        if (!free(port)) {
            throw new DemoRefusal(whose + " port " + port + " is taken on 127.0.0.1; choose another with " + flag
                    + "PORT");
        }
        return port;
    }

    /** The preferred port when it is free, else any free port. */
    static int preferred(int port) {
        if (free(port)) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DemoRefusal("no free port on 127.0.0.1: " + e.getMessage());
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
