package dev.ferry.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ferry on a port chosen before it starts (its descriptor must name its own URL before any bean exists,
 * so a random port would be known too late), for {@link Journey} and the journeys that run Ferry's jar.
 */
final class FerryBesideJira {

    private FerryBesideJira() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }
}
