package dev.ferry.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The home redirect, and section pages of other packages taking over from the stand-ins. */
class ConsoleControllerTest {

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ConsoleController(), new RealPages()).build();

    @Test
    void homeIsTheJiraSitesPage() throws Exception {
        mvc.perform(get("/admin")).andExpect(redirectedUrl(ConsoleController.HOME));
    }

    @Test
    void aSectionsOwnPageWinsOverTheStandIn() throws Exception {
        mvc.perform(get("/admin/destinations")).andExpect(content().string("the destinations page"));
        mvc.perform(get("/admin/integrations/jira")).andExpect(content().string("the Jira sites page"));
    }

    /** What another package's controllers look like. */
    @RestController
    static class RealPages {

        @GetMapping("/admin/destinations")
        String destinations() {
            return "the destinations page";
        }

        @GetMapping("/admin/integrations/jira")
        String sites() {
            return "the Jira sites page";
        }
    }
}
