package dev.ferry.connectiontest;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/connections/{id}/test}: 200 with what the test found, whether or not Jira was happy
 * (the answer is the report); 404 only when the organization has no such connection.
 */
@RestController
class ConnectionTestController {

    private final ConnectionTests tests;

    ConnectionTestController(ConnectionTests tests) {
        this.tests = tests;
    }

    @PostMapping("/api/v1/connections/{id}/test")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ConnectionTestReport test(ApiCaller caller, @PathVariable String id) {
        return tests.test(caller.organizationId(), caller.actor(), id);
    }
}
