package dev.ferry.delivery;

import dev.ferry.account.Person;
import dev.ferry.console.ConsolePages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The console's error page for an id that is not the organization's (or not there at all): 404, in words. */
record NotFoundPage(String heading, String message) {

    static ResponseEntity<String> answer(ConsolePages pages, Person person, HttpServletRequest request, String heading,
            String message) {
        return pages.page(HttpStatus.NOT_FOUND, "error", pages.frame(person, heading, null, request),
                new NotFoundPage(heading, message));
    }
}
