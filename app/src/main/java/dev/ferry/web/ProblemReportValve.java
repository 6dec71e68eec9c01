package dev.ferry.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report as a problem: what Tomcat refuses before any servlet runs (an encoded slash or
 * {@code %00} in the path, a malformed request line) otherwise gets its HTML page. Public, with a public
 * constructor, because the host instantiates its error report valve class by name.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : Problems.title(known);
        String detail = status >= 500 ? Failures.DETAIL : "the request is not valid HTTP that Ferry accepts";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(status, status >= 500 ? Failures.TITLE : title, detail, null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException unwritable) {
            // The client is gone or the answer was started elsewhere: nothing more can be said.
        }
    }
}
