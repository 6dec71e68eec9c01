package dev.ferry.start;

import dev.ferry.FerryProperties;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.event.EventCatalog;
import dev.ferry.event.EventTypeDefinition;
import dev.ferry.event.SampleVariables;
import dev.ferry.principal.Person;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The console's home, where signing in lands: the first-run checklist, ticked from the organization's data. */
@Controller
@ConsolePage(title = "Home", nav = "home")
class HomeController {

    private final FirstSteps steps;
    private final EventCatalog catalog;
    private final FerryProperties ferry;
    private final Clock clock;

    HomeController(FirstSteps steps, EventCatalog catalog, FerryProperties ferry, Clock clock) {
        this.steps = steps;
        this.catalog = catalog;
        this.ferry = ferry;
        this.clock = clock;
    }

    @GetMapping({"/admin", "/admin/"})
    ModelAndView home(Person person) {
        String curl = CurlExample.firstEvent(ferry.baseUrlText(), exampleType(person.organizationId()), clock.instant());
        return ConsoleView.page("home", HomePage.of(person.organizationName(), steps.of(person.organizationId()),
                new HomePage.Viewer(person.canManage(), person.isAdmin()), curl));
    }

    /** The catalog's guardrail event when it has one, else its first type: an example the organization can send. */
    private EventTypeDefinition exampleType(String organizationId) {
        List<EventTypeDefinition> types = catalog.list(organizationId);
        return types.stream().filter(type -> type.type().equals(SampleVariables.DEFAULT_EVENT_TYPE)).findFirst()
                .or(() -> types.stream().findFirst())
                .orElseGet(() -> new EventTypeDefinition(SampleVariables.DEFAULT_EVENT_TYPE, List.of(), true, "Task",
                        null, SampleVariables.DEFAULT_EVENT_TYPE, List.of()));
    }
}
