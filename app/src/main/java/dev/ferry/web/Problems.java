package dev.ferry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem straight to a servlet response, for code that runs outside Spring MVC. Like
 * every problem Ferry answers it has no {@code type} member, which RFC 9457 reads as {@code about:blank}.
 */
public final class Problems {

    public static final String AUTHENTICATION_FAILED = "Authentication failed";
    public static final String DATABASE_UNAVAILABLE = "Database unavailable";
    public static final String DATABASE_UNAVAILABLE_DETAIL = "Ferry cannot store or read anything right now; try again shortly";
    /** What {@code Retry-After} asks of a caller while the database is out, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "5";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** The title of a problem with no more to say than its status: the reason phrase in sentence case, like Ferry's own. */
    public static String title(HttpStatus status) {
        String phrase = status.getReasonPhrase();
        return phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
    }

    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
            String instance) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(status.value(), title, detail, instance).getBytes(StandardCharsets.UTF_8));
    }

    /** The problem's JSON text; a null detail or instance is left out. */
    static String json(int status, String title, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        return JSON.writeValueAsString(problem);
    }
}
