import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's HEALTHCHECK: exit 0 when the URL answers 200, else 1. JRE images carry no curl, and a JRE
 * cannot run a source file, so the Dockerfile compiles this in its build stage and runs the class.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args.length > 0 ? args[0] : "http://localhost:8081/actuator/health/liveness";
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.discarding());
            System.exit(answer.statusCode() == 200 ? 0 : 1);
        } catch (java.io.IOException e) {
            System.err.println(url + ": " + e);
            System.exit(1);
        }
    }
}
