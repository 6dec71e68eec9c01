package dev.ferry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The largest request body Ferry takes in ({@code ferry.web.max-body-size}), and its 413 answer. */
@Component
public class BodyLimit {

    static final String TITLE = "Request body too large";

    private final long bytes;

    BodyLimit(WebProperties properties) {
        this.bytes = properties.maxBodySize().toBytes();
    }

    boolean refuses(long contentLength) {
        return contentLength > bytes;
    }

    /**
     * For code that reads a body itself, outside the servlet filters: the whole body, or empty after
     * answering 413 when it is over the limit (said up front or found while reading a chunked body).
     */
    public Optional<byte[]> readOrRefuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long declared = request.getContentLengthLong();
        if (refuses(declared)) {
            refuse(response, request.getRequestURI());
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes((int) (declared >= 0 ? declared : bytes + 1));
        if (refuses(body.length)) {
            refuse(response, request.getRequestURI());
            return Optional.empty();
        }
        return Optional.of(body);
    }

    void refuse(HttpServletResponse response, String instance) throws IOException {
        Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, TITLE, tooLarge().getMessage(), instance);
    }

    RequestTooLargeException tooLarge() {
        return new RequestTooLargeException(bytes);
    }
}
