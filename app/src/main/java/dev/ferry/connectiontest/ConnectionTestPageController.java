package dev.ferry.connectiontest;

import dev.ferry.connection.Connections;
import dev.ferry.connection.ConnectionView;
import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's "Test connection" button: runs the test and shows the account and one line per check. It is
 * a POST (each test calls Jira and is audited); the security chain lets only Admins and Managers post and
 * checks the form's CSRF token.
 */
@Controller
@ConsolePage(title = "Test connection", nav = ConnectionTestPageController.NAV)
class ConnectionTestPageController {

    /** The console's connections pages (another room builds the list and detail pages under it). */
    static final String CONNECTIONS = "/admin/connections";
    static final String NAV = "connections";

    private final ConnectionTests tests;
    private final Connections connections;

    ConnectionTestPageController(ConnectionTests tests, Connections connections) {
        this.tests = tests;
        this.connections = connections;
    }

    @PostMapping(CONNECTIONS + "/{id}/test")
    ModelAndView test(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id) {
        ConnectionView connection;
        try {
            connection = connections.find(person.organizationId(), id);
        } catch (Refusal notFound) {
            return ConsoleView.notFound(frame, "No such connection", notFound.getMessage());
        }
        ConnectionTestReport report = tests.test(person.organizationId(), person.actor(), id);
        return ConsoleView.titled(frame, "Test of " + connection.name(), "connection-test", page(connection, report));
    }

    private static ConnectionTestPage page(ConnectionView connection, ConnectionTestReport report) {
        List<ConnectionTestPage.Line> lines = report.checks().stream().map(check -> new ConnectionTestPage.Line(
                check.name(), check.ok(), check.ok() ? "ok" : "failed", check.ok() ? "lozenge" : "lozenge error",
                check.message())).toList();
        ConnectionTestReport.Account account = report.account();
        return new ConnectionTestPage(connection.id(), connection.name(), connection.siteUrl(), report.ok(),
                account == null ? null : account.displayName(), account == null ? null : account.accountId(), lines,
                CONNECTIONS + "/" + connection.id());
    }

    /**
     * The test's page.
     *
     * @param back the connection's own page
     */
    record ConnectionTestPage(String id, String name, String siteUrl, boolean ok, String accountName, String accountId,
            List<Line> checks, String back) {

        /** One check: its mark ({@code ok}/{@code failed}), the mark's style, and what was found. */
        record Line(String name, boolean ok, String mark, String style, String message) {
        }
    }
}
