package dev.ferry.account;

import dev.ferry.admin.OrganizationDirectory;
import dev.ferry.principal.Role;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security for the admin UI and nothing else: one filter chain, registered for {@code /admin}
 * paths only, so the product API, Connect lifecycle, webhooks and Jira iframes never see a session,
 * a CSRF check or a security header (Jira frames its iframes; X-Frame-Options would break them).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    static final String ADMIN = "/admin/**";
    static final String LOGOUT = "/admin/logout";
    static final String ASSETS_PREFIX = "/admin/assets/";
    /**
     * The pages that configure integrations (connections and their tests, destinations with their rules and test
     * tickets): Admins and Managers only, reading as well as changing.
     */
    static final String[] CONFIGURATION = {"/admin/connections", "/admin/connections/**", "/admin/destinations",
        "/admin/destinations/**"};
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Stored hashes carry their algorithm ({@code {bcrypt}…}): bcrypt today, and a later move to another
     * algorithm re-hashes at sign-in without a migration. bcrypt needs no native code or extra library,
     * unlike Argon2 (Bouncy Castle).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Replaces Boot's registration of the security filter (which would cover every path) with one for the
     * admin UI's paths; {@code spring.autoconfigure.exclude} turns Boot's off.
     */
    @Bean
    DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
        var registration = new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        registration.setUrlPatterns(List.of("/admin", "/admin/*"));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
                DispatcherType.FORWARD, DispatcherType.INCLUDE);
        registration.setOrder(-100);
        return registration;
    }

    @Bean
    SecurityFilterChain adminChain(HttpSecurity http, PasswordSignIn signIn, ClientAddresses clients,
            AccessDeniedHandler deniedPage, AccountRepository accounts, OrganizationDirectory organizations,
            AccountProperties properties, Clock clock) throws Exception {
        // Its own manager, without Boot's global one as parent: a parent would check a refused password again.
        http.securityMatcher(ADMIN)
                .authenticationManager(new ProviderManager(signIn))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LoginController.PATH, ASSETS_PREFIX + "**").permitAll()
                        .requestMatchers("/admin/users", "/admin/users/**", "/admin/api-keys", "/admin/api-keys/**",
                                "/admin/settings", "/admin/settings/**")
                                .hasRole(Role.ADMIN.name())
                        // Integration configuration: Members see tickets and deliveries, not how Jira is reached.
                        .requestMatchers(CONFIGURATION).hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
                        .requestMatchers(PasswordController.PATH, LOGOUT).authenticated()
                        .requestMatchers(readOnly()).authenticated()
                        .anyRequest().hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name()))
                .formLogin(form -> form.loginPage(LoginController.PATH).loginProcessingUrl(LoginController.PATH)
                        .usernameParameter(SignInOutcomes.EMAIL).passwordParameter("password")
                        .authenticationDetailsSource(request -> new WebAuthenticationDetails(clients.of(request),
                                request.getSession(false) == null ? null : request.getSession(false).getId()))
                        .successHandler(SignInOutcomes.success(clock))
                        .failureHandler(SignInOutcomes.failure()))
                .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessHandler(signedOut()))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new BodyOrHeaderCsrf()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(deniedPage)
                        .authenticationEntryPoint((request, response, e) ->
                                RelativeRedirects.send(request, response, LoginController.PATH)))
                .addFilterBefore(new CurrentPerson(accounts, organizations, properties.sessionAbsoluteLifetime(), clock),
                        AnonymousAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static LogoutSuccessHandler signedOut() {
        var handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(LoginController.PATH + "?signedOut");
        handler.setRedirectStrategy(new RelativeRedirects());
        return handler;
    }

    private static RequestMatcher readOnly() {
        var paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher get = paths.matcher(HttpMethod.GET, ADMIN);
        RequestMatcher head = paths.matcher(HttpMethod.HEAD, ADMIN);
        return request -> get.matches(request) || head.matches(request);
    }
}
