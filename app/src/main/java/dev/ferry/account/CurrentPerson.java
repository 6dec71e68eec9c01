package dev.ferry.account;

import dev.ferry.admin.OrganizationDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
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
 * page but the change-password page, sign-out and the assets leads to the change-password page.
 */
class CurrentPerson extends OncePerRequestFilter {

    static final String ATTRIBUTE = Person.class.getName();

    private final AccountRepository accounts;
    private final OrganizationDirectory organizations;

    CurrentPerson(AccountRepository accounts, OrganizationDirectory organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) {
            Optional<Account> account = accounts.findById(signedIn.accountId());
            if (account.isEmpty()) {
                forget(request);
            } else {
                Person person = actAs(account.get(), authentication);
                request.setAttribute(ATTRIBUTE, person);
                if (account.get().mustChangePassword() && !mayPassBeforeChange(request)) {
                    response.sendRedirect(request.getContextPath() + PasswordController.PATH);
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

    /** A removed account's session ends; the request goes on anonymous and is sent to sign in. */
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
