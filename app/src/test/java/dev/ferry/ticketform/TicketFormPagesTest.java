package dev.ferry.ticketform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ferry.account.People;
import dev.ferry.jira.IssueType;
import dev.ferry.jira.JiraProject;
import dev.ferry.principal.Role;
import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinking;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import dev.ferry.ticket.HandTicket;
import dev.ferry.ticket.HandTickets;
import dev.ferry.ticket.TicketChoices;
import dev.ferry.ticket.TicketDraft;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The "Create Jira ticket" console form over real HTTP with the ticket services mocked: what it offers,
 * what it files, what a refusal keeps, and that Members may not use it.
 */
@FerryIntegrationTest
class TicketFormPagesTest {

    static final String SITE = "form-site";
    static final String FORM = "/admin/tickets/new?subjectType=anomaly&subjectId=an-7&subjectTitle=Null%20spike";
    static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    TestSites sites;
    @Autowired
    SiteLinking linking;
    @MockitoBean
    TicketChoices choices;
    @MockitoBean
    HandTickets tickets;

    String organization;
    ConsoleClient manager;

    @BeforeEach
    void aLinkedSiteWithTwoProjects() {
        organization = organizations.create("Acme Data").id();
        sites.install(SITE, "form-site-shared-secret-long-enough-000001");
        linking.link(organization, SITE);
        manager = ConsoleClient.signIn(port, people.create(organization, Role.MANAGER));
        when(choices.defaultProject(any(), eq(SITE))).thenReturn(Optional.of("FERRY"));
        when(choices.projects(any(), eq(SITE))).thenReturn(List.of(new JiraProject("1", "FERRY", "Ferry"),
                new JiraProject("2", "OPS", "Operations")));
        when(choices.issueTypes(any(), eq(SITE), eq("FERRY"))).thenReturn(List.of(new IssueType("10001", "Task", false),
                new IssueType("10002", "Bug", false), new IssueType("10003", "Sub-task", true)));
        when(choices.issueTypes(any(), eq(SITE), eq("OPS"))).thenReturn(List.of(new IssueType("20001", "Incident", false)));
        when(choices.priorities(any(), eq(SITE), any(), any())).thenReturn(Optional.of(List.of("Blocker", "High", "Low")));
    }

    @Test
    void theFormOpensWithTheDefaultProjectItsIssueTypesTheSitesPrioritiesAndAFreshKey() {
        var page = manager.get(FORM);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<option value=\"FERRY\" selected>FERRY · Ferry</option>")
                .contains("<option value=\"OPS\" >OPS · Operations</option>")
                .contains("<option value=\"10001\" >Task</option>").contains(">Bug</option>")
                .doesNotContain("Sub-task")
                .contains("<option value=\"Blocker\" >Blocker</option>").doesNotContain(">Highest<")
                .contains("maxlength=\"255\"").contains("value=\"Null spike\"")
                .contains("hx-get=\"/admin/tickets/new/issue-types\"").contains("hx-get=\"/admin/tickets/new/assignees\"")
                .contains("“Context from Acme Data”");
        assertThat(key(page.body())).matches("[0-9a-f-]{36}");
        assertThat(key(manager.get(FORM).body())).as("each render its own key").isNotEqualTo(key(page.body()));
    }

    @Test
    void theIssueTypesFragmentFollowsTheChosenProjectAndSwapsInItsPriorities() {
        when(choices.priorities(any(), eq(SITE), eq("OPS"), eq("20001"))).thenReturn(Optional.of(List.of("P1", "P2")));

        var fragment = manager.get("/admin/tickets/new/issue-types?site=" + SITE + "&project=OPS&issueType=10001&priority=P2");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<div class=\"field\" id=\"issue-type-field\"")
                .contains("<option value=\"20001\" >Incident</option>").doesNotContain("Task").doesNotContain("<html")
                .contains("id=\"priority-field\" aria-live=\"polite\" hx-swap-oob=\"true\"")
                .contains("<option value=\"P2\" selected>P2</option>").doesNotContain(">Blocker<");
    }

    @Test
    void anIssueTypeWhoseCreateScreenHasNoPriorityFieldOffersNone() {
        when(choices.priorities(any(), eq(SITE), eq("FERRY"), eq("10002"))).thenReturn(Optional.empty());

        var fragment = manager.get("/admin/tickets/new/issue-types?site=" + SITE + "&project=FERRY&issueType=10002");

        assertThat(fragment.body()).contains("has no Priority field, so Jira sets its default and refuses any other")
                .contains("<option value=\"\" selected>None (the site&#39;s default)</option>")
                .doesNotContain(">Blocker<");
    }

    @Test
    void typingAnAssigneeListsJirasAssignableUsersAndChoosingOneFillsTheHiddenAccountId() {
        when(choices.assignees(any(), eq(SITE), eq("FERRY"), eq("ali"), eq(ChoiceFragments.SUGGESTIONS)))
                .thenReturn(List.of(new TicketChoices.Assignee("557058:alice", "Alice Liddell")));

        var listed = manager.get("/admin/tickets/new/assignees?site=" + SITE + "&project=FERRY&assigneeQuery=%20ali%20");
        var nobody = manager.get("/admin/tickets/new/assignees?site=" + SITE + "&project=FERRY&assigneeQuery=zed");
        var chosen = manager.get("/admin/tickets/new/assignee?accountId=557058%3Aalice&name=Alice%20Liddell");

        assertThat(listed.body()).contains(">Alice Liddell</button>")
                .contains("hx-get=\"/admin/tickets/new/assignee?accountId&#61;557058%3Aalice&amp;name&#61;Alice+Liddell\"");
        assertThat(nobody.body()).contains("Nobody assignable in this project matches “zed”");
        assertThat(chosen.body()).contains("name=\"assigneeAccountId\" value=\"557058:alice\"")
                .contains("<strong data-testid=\"assignee-chosen\">Alice Liddell</strong>").doesNotContain("type=\"search\"");
    }

    @Test
    void submittingFilesTheDraftWithTrimmedLabelsAndGoesBackToTheObjectNamingTheNewKey() {
        when(tickets.create(any(), any(), anyString())).thenReturn(new HandTicket(5, HandTicket.State.CREATED, SITE,
                "10042", "FERRY-42", "https://acme.atlassian.net/browse/FERRY-42", 9L, Instant.now(), null));

        var filed = manager.post("/admin/tickets/new", fields("labels", " data-quality, nightly ,, "));

        assertThat(filed.statusCode()).isEqualTo(303);
        assertThat(filed.headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/links?subjectType=anomaly&subjectId=an-7");
        ArgumentCaptor<TicketDraft> draft = ArgumentCaptor.forClass(TicketDraft.class);
        verify(tickets).create(any(), draft.capture(), eq("key-1"));
        assertThat(draft.getValue()).isEqualTo(new TicketDraft(SITE, "FERRY", "10002", "Nulls in orders.total",
                "Since the 3am load.", null, "High", List.of("data-quality", "nightly"), "557058:alice",
                new TicketDraft.TicketObject("anomaly", "an-7", "Null spike", "https://dq.example/an-7", null,
                        java.util.Map.of())));
        var links = manager.get("/admin/links?subjectType=anomaly&subjectId=an-7").body();
        assertThat(links).contains("FERRY-42 filed in Jira and linked to anomaly an-7.")
                .contains("<a href=\"https://acme.atlassian.net/browse/FERRY-42\" target=\"_blank\" rel=\"noopener\""
                        + " data-testid=\"flash-link\">Open FERRY-42 in Jira</a>");
    }

    @Test
    void aRefusalIsShownInJirasWordsWithEveryFieldKeptAndANewKey() {
        when(tickets.create(any(), any(), anyString())).thenThrow(new InvalidBody(List.of(
                new BodyError("/summary", "Jira refused summary: Summary is too spicy for this project"))));

        var refused = manager.post("/admin/tickets/new", fields("labels", "data-quality, nightly"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("No ticket was filed")
                .contains("<p class=\"error-text\" id=\"ticket-summary-error\" data-testid=\"summary-error\">Jira refused"
                        + " summary: Summary is too spicy for this project.</p>")
                .contains("value=\"Nulls in orders.total\"").contains(">Since the 3am load.</textarea>")
                .contains("value=\"data-quality, nightly\"").contains("<option value=\"High\" selected>High</option>")
                .contains("<option value=\"10002\" selected>Bug</option>")
                .contains("<option value=\"FERRY\" selected>")
                .contains("<strong data-testid=\"assignee-chosen\">Alice Liddell</strong>")
                .contains("value=\"https://dq.example/an-7\"");
        assertThat(key(refused.body())).as("nothing was filed, so the next submit is a new request").isNotEqualTo("key-1");
    }

    @Test
    void aSiteJiraCannotReachStillOffersTheFormAndSaysWhy() {
        when(choices.projects(any(), eq(SITE))).thenThrow(new Refusal(Refusal.Kind.JIRA_UNAVAILABLE, "Jira did not answer"));
        when(choices.priorities(any(), eq(SITE), any(), any())).thenThrow(new Refusal(Refusal.Kind.JIRA_UNAVAILABLE, "Jira did not answer"));

        var page = manager.get(FORM);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Jira&#39;s projects could not be listed: Jira did not answer.")
                .contains("<input id=\"ticket-project\" name=\"project\" value=\"FERRY\"")
                .contains("<option value=\"Highest\" >Highest</option>");
    }

    @Test
    void aTicketJiraHasNotConfirmedYetGoesBackSayingFerryKeepsTrying() {
        when(tickets.create(any(), any(), anyString())).thenReturn(new HandTicket(6, HandTicket.State.PENDING, SITE,
                null, null, null, null, Instant.now(), "Jira could not be asked: HTTP 503"));

        var filed = manager.post("/admin/tickets/new", fields("labels", ""));

        assertThat(filed.statusCode()).isEqualTo(303);
        assertThat(manager.get("/admin/links?subjectType=anomaly&subjectId=an-7").body())
                .contains("Jira has not confirmed the ticket yet. Ferry keeps trying and links it to anomaly an-7")
                .doesNotContain("data-testid=\"flash-link\"");
    }

    @Test
    void withTwoLinkedSitesThePersonPicksOneAndItsChoicesAreOffered() {
        sites.install("second-site", "second-site-shared-secret-long-enough-0001");
        linking.link(organization, "second-site");
        when(choices.defaultProject(any(), eq("second-site"))).thenReturn(Optional.empty());
        when(choices.projects(any(), eq("second-site"))).thenReturn(List.of(new JiraProject("7", "DQ", "Data quality")));
        when(choices.priorities(any(), eq("second-site"), any(), any())).thenReturn(Optional.of(List.of("P1", "P2")));

        var first = manager.get(FORM).body();
        var second = manager.get(FORM + "&site=second-site").body();

        assertThat(first).contains("data-testid=\"choose-site\"").contains("id=\"ticket-site\" name=\"site\" value=\"" + SITE + "\"");
        assertThat(second).contains("id=\"ticket-site\" name=\"site\" value=\"second-site\"")
                .contains("<option value=\"second-site\" selected>")
                .contains("<option value=\"\" selected>Choose a project</option>").contains(">DQ · Data quality</option>")
                .contains("Choose a project first.").contains("The priorities of the issue type show once a project is chosen.")
                .contains(">Highest</option>").doesNotContain(">Blocker</option>");
    }

    @Test
    void membersGetANotAllowedPageAndCannotFile() {
        var member = ConsoleClient.signIn(port, people.create(organization, Role.MEMBER));

        var page = member.get(FORM);
        var post = member.post("/admin/tickets/new", fields("labels", ""));
        var fragment = member.get("/admin/tickets/new/assignees?site=" + SITE + "&project=FERRY&assigneeQuery=ali");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed").contains("Only Admins and Managers file tickets");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(fragment.statusCode()).isEqualTo(403);
        verify(tickets, never()).create(any(), any(), any());
        verify(choices, never()).assignees(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyInt());
        assertThat(member.get("/admin/links?subjectType=anomaly&subjectId=an-7").body()).doesNotContain("Create Jira ticket");
        assertThat(manager.get("/admin/links?subjectType=anomaly&subjectId=an-7").body())
                .contains("action=\"/admin/tickets/new\"").contains("Create Jira ticket");
    }

    @Test
    void theFormAsksForAnObjectFirst() {
        var page = manager.get("/admin/tickets/new");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/admin/links");
    }

    private static String key(String page) {
        Matcher matcher = KEY.matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group(1);
    }

    /** The form as a person fills it in, with these labels. */
    private static String[] fields(String labelsName, String labels) {
        return new String[] {"site", SITE, "project", "FERRY", "issueType", "10002", "summary", " Nulls in orders.total ",
            "description", "Since the 3am load.", "priority", "High", labelsName, labels,
            "assigneeAccountId", "557058:alice", "assigneeName", "Alice Liddell", "subjectType", "anomaly",
            "subjectId", "an-7", "subjectTitle", "Null spike", "subjectUrl", "https://dq.example/an-7",
            "idempotencyKey", "key-1"};
    }
}
