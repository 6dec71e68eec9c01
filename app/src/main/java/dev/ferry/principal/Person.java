package dev.ferry.principal;

import jakarta.servlet.ServletRequest;
import java.io.Serializable;
import java.util.Optional;

/**
 * The signed-in person an admin UI handler acts for, read fresh from the database on every request (a
 * role change or removal takes effect at once). Any {@code @Controller} method under {@code /admin/**}
 * may declare a {@code Person person} parameter.
 */
public record Person(String userId, String organizationId, String organizationName, String email, Role role)
        implements Caller, Serializable {

    /** The request attribute that holds the person the account filter signed in. */
    public static final String ATTRIBUTE = Person.class.getName();

    /** Admins and Managers manage integrations; Members only look. */
    public boolean canManage() {
        return role == Role.ADMIN || role == Role.MANAGER;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The person signed in for this admin request; empty on the login page and outside {@code /admin}. */
    public static Optional<Person> signedIn(ServletRequest request) {
        return Optional.ofNullable((Person) request.getAttribute(ATTRIBUTE));
    }

    /** How audit records name this person. */
    public String actor() {
        return "user:" + email;
    }
}
