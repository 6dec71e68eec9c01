package dev.ferry.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay to a database server that a test can cut, as a network outage or a database that
 * went away does: open connections are broken and new ones refused until {@link #restore()}. The port
 * stays the same, so a pool pointed at it finds the database again.
 *
 * <pre>{@code
 * TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432);
 * String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test";
 * proxy.cut();      // the database is out
 * proxy.restore();  // and back
 * }</pre>
 */
public final class TcpProxy {

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket listener;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    public static TcpProxy to(String host, int port) {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return port;
    }

    /** Breaks every relayed connection and refuses new ones. */
    public synchronized void cut() {
        close(listener);
        open.forEach(TcpProxy::close);
        open.clear();
    }

    /** Relays again on the same port (nothing to do unless cut). */
    public synchronized void restore() {
        if (!listener.isClosed()) {
            return;
        }
        listener = listen(port);
        accept(listener);
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    relay(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void relay(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target, 2_000);
        } catch (IOException unreachable) {
            close(client);
            return;
        }
        open.add(client);
        open.add(server);
        if (listener.isClosed()) { // cut while this one was being connected
            close(client);
            close(server);
            return;
        }
        pump(client, server);
        pump(server, client);
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException broken) {
                // cut, or one side closed: close both below
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
