package dev.ferry.audit;

import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The organization's audit log in the admin console: filter by action and by days (UTC), newest first, paged. */
@Controller
@ConsolePage(title = "Audit log", nav = "audit")
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditRecords records;
    private final AuditNames names;

    AuditPages(AuditRecords records, AuditNames names) {
        this.records = records;
        this.names = names;
    }

    /** {@code from} and {@code to} are days ({@code 2026-11-25}), both included. */
    @GetMapping("/admin/audit")
    ModelAndView list(Person person, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "0") int page) {
        List<AuditEntry> found = List.of();
        String error = null;
        try {
            AuditFilter filter = AuditFilter.parse(action, dayStart("from", from, 0), dayStart("to", to, 1), null);
            found = records.find(person.organizationId(), filter.page(page, PAGE_SIZE));
        } catch (Refusal refused) {
            error = refused.getMessage();
        }
        boolean more = found.size() > PAGE_SIZE;
        List<AuditEntry> shown = found.stream().limit(PAGE_SIZE).toList();
        AuditNames.Names named = names.of(person.organizationId(), shown);
        List<AuditLogPage.Row> rows = shown.stream().map(entry -> AuditLogPage.Row.of(entry, named)).toList();
        String query = "/admin/audit?action=" + enc(action) + "&from=" + enc(from) + "&to=" + enc(to) + "&page=";
        var view = new AuditLogPage(actions(action), from, to, rows, rows.isEmpty(),
                page > 0 ? query + (page - 1) : null, more ? query + (page + 1) : null, error);
        return ConsoleView.page(error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "audit", view);
    }

    /** The instant a day starts, {@code plusDays} later (the end of a "to" day is the start of the next). */
    private static String dayStart(String name, String day, int plusDays) {
        if (day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name + " must be a day such as 2026-11-25");
        }
    }

    private static List<AuditLogPage.Option> actions(String chosen) {
        List<AuditLogPage.Option> options = new ArrayList<>();
        options.add(new AuditLogPage.Option("", "All actions", chosen.isBlank()));
        Arrays.stream(AuditAction.values()).map(action -> new AuditLogPage.Option(action.name(),
                AuditLogPage.label(action.name()), action.name().equalsIgnoreCase(chosen.strip()))).forEach(options::add);
        return options;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
