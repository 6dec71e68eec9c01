package dev.ferry.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A loopback stand-in for Atlassian's install-key CDN: serves {@code /{kid}} as a PEM public key and
 * counts requests, so tests can see keys being cached.
 */
public final class InstallKeyServer {

    public static final InstallKeyServer INSTANCE = new InstallKeyServer();

    private final HttpServer server;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private InstallKeyServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            KeyPair pair = keys.get(exchange.getRequestURI().getRawPath().substring(1));
            byte[] body = pair == null ? "not found".getBytes(StandardCharsets.UTF_8) : pem(pair).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(pair == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The key pair for a kid, created on first use. */
    public KeyPair keyPair(String kid) {
        return keys.computeIfAbsent(kid, ignored -> generate());
    }

    public int requests() {
        return requests.get();
    }

    /** Points Ferry's {@code ferry.connect.install-keys-urls} at this server. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("install-key-server",
                    Map.of("ferry.connect.install-keys-urls", INSTANCE.url())));
        }
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
