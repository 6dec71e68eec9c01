package dev.ferry.simulator.forge;

import java.util.List;
import java.util.Map;

/**
 * What the remote answered the last attempt of an invocation.
 *
 * @param status   the HTTP status; 0 when the remote could not be reached or did not answer in time
 * @param attempts how many times Forge sent it (1 + retries)
 */
public record RemoteReply(int status, Map<String, List<String>> headers, String body, int attempts) {

    /** Forge counts only a 2xx as done: a 3xx is a failure too. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
