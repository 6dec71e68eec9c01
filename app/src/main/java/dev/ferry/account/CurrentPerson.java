package dev.ferry.account;

import dev.ferry.admin.OrganizationDirectory;
import dev.ferry.principal.Person;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in person from the database on every admin request, so a changed role or a removed
 * account counts at once (the session only holds the account id). While the password must change, every
 * page but the change-password page, sign-out and the assets leads to the change-password page. A session
 * older than {@code ferry.admin.session-absolute-lifetime} since its sign-in ends, however active it is.
 */
class CurrentPerson extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final OrganizationDirectory organizations;
    private final Duration absoluteLifetime;
    private final Clock clock;

    CurrentPerson(AccountRepository accounts, OrganizationDirectory organizations, Duration absoluteLifetime,
            Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.absoluteLifetime = absoluteLifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) {
            Optional<Account> account = accounts.findById(signedIn.accountId());
            if (account.isEmpty() || tooOld(request)) {
                forget(request);
            } else {
                Person person = actAs(account.get(), authentication);
                request.setAttribute(Person.ATTRIBUTE, person);
                if (account.get().mustChangePassword() && !mayPassBeforeChange(request)) {
                    RelativeRedirects.send(request, response, PasswordController.PATH);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** This request runs with the account's current role; the session keeps only the id. */
    private Person actAs(Account account, Authentication original) {
        String organizationName = organizations.name(account.organizationId()).orElse("");
        Person person = new Person(account.getId(), account.organizationId(), organizationName, account.email(),
                account.role());
        var current = UsernamePasswordAuthenticationToken.authenticated(original.getPrincipal(), null,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        current.setDetails(person);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(current);
        SecurityContextHolder.setContext(context);
        return person;
    }

    private boolean tooOld(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        // Sessions signed in before the sign-in time was noted count from their creation.
        long signedInAt = session.getAttribute(SignInOutcomes.SIGNED_IN_AT) instanceof Long at ? at
                : session.getCreationTime();
        return clock.millis() - signedInAt > absoluteLifetime.toMillis();
    }

    /** A removed account's (or a too old) session ends; the request goes on anonymous and is sent to sign in. */
    private static void forget(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static boolean mayPassBeforeChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PasswordController.PATH) || path.equals(SecurityConfig.LOGOUT)
                || path.startsWith(SecurityConfig.ASSETS_PREFIX);
    }
}
