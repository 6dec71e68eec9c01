package dev.ferry.ingest.job;

import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.web.RefusalStatus;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's Data sources page: every connection with its streams, last and next run, lag, records and
 * errors, for every role; Fetch now, Cancel and the schedule for Admins and Managers (refused here as well as
 * by the security chain). The running fetch's progress bar is a fragment that polls itself until the job ends.
 */
@Controller
@ConsolePage(title = "Data sources", nav = "data-sources")
class DataSourcesPages {

    static final String PATH = "/admin/data-sources";
    private static final String MANAGERS = "Only Admins and Managers fetch, cancel or change schedules. Ask an Admin"
            + " of your organization.";

    private final DataSources dataSources;
    private final Fetches fetches;
    private final Schedules schedules;
    private final Clock clock;

    DataSourcesPages(DataSources dataSources, Fetches fetches, Schedules schedules, Clock clock) {
        this.dataSources = dataSources;
        this.fetches = fetches;
        this.schedules = schedules;
        this.clock = clock;
    }

    @GetMapping(PATH)
    ModelAndView list(Person person) {
        return page(person, HttpStatus.OK, null);
    }

    @PostMapping(PATH + "/{connection}/fetch")
    ModelAndView fetch(Person person, RedirectAttributes redirect, @PathVariable String connection,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(required = false) List<String> streams) {
        return managing(person, () -> {
            JobView job = fetches.start(person.organizationId(), person.actor(), connection,
                    new Fetches.FetchRequest(from, to, streams == null ? List.of() : streams));
            return ConsoleView.seeOther(redirect, PATH, "Fetch queued for " + connection + " (" + job.from() + " to "
                    + job.to() + ").");
        });
    }

    @PostMapping(PATH + "/fetches/{jobId}/cancel")
    ModelAndView cancel(Person person, RedirectAttributes redirect, @PathVariable String jobId) {
        return managing(person, () -> {
            fetches.cancel(person.organizationId(), person.actor(), jobId);
            return ConsoleView.seeOther(redirect, PATH, "Cancel asked: the fetch stops after the page it is on.");
        });
    }

    @PostMapping(PATH + "/{connection}/schedule")
    ModelAndView schedule(Person person, RedirectAttributes redirect, @PathVariable String connection,
            @RequestParam(required = false) Integer everyMinutes, @RequestParam(defaultValue = "false") boolean paused) {
        return managing(person, () -> {
            dataSources.find(person.organizationId(), connection)
                    .orElseThrow(() -> Refusal.notFound("no connection " + connection + " in this organization"));
            schedules.update(person.organizationId(), person.actor(), connection, everyMinutes, paused);
            return ConsoleView.seeOther(redirect, PATH, paused ? "Schedule paused." : "Schedule saved.");
        });
    }

    private ModelAndView page(Person person, HttpStatus status, String error) {
        return ConsoleView.page(status, "data-sources",
                DataSourcesPage.of(dataSources.of(person.organizationId()), person.canManage(), error, clock.instant()));
    }

    private ModelAndView managing(Person person, java.util.function.Supplier<ModelAndView> change) {
        if (!person.canManage()) {
            return page(person, HttpStatus.FORBIDDEN, MANAGERS);
        }
        try {
            return change.get();
        } catch (Refusal refused) {
            return page(person, RefusalStatus.of(refused), refused.getMessage());
        }
    }

    /** The progress bar alone, for htmx: it keeps polling while the job is open and stops once it ended. */
    @Controller
    @ConsolePage(title = "Data sources", nav = "data-sources")
    static class ProgressFragment {

        private final Fetches fetches;

        ProgressFragment(Fetches fetches) {
            this.fetches = fetches;
        }

        @GetMapping(PATH + "/fetches/{jobId}/progress")
        ModelAndView progress(Person person, @PathVariable String jobId) {
            try {
                return ConsoleView.page("data-source-progress",
                        DataSourcesPage.Progress.of(fetches.find(person.organizationId(), jobId), person.canManage()));
            } catch (Refusal refused) {
                return ConsoleView.page(RefusalStatus.of(refused), "data-source-progress", null);
            }
        }
    }
}
