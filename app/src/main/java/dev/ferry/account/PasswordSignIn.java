package dev.ferry.account;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an email and password: the attempt is counted by the throttle first and refused at once while it
 * must wait, and an unknown email costs the same hash check as a wrong password, so neither the answer
 * nor its timing tells whether the email exists.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    static final String WRONG = "Email or password is wrong";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final String unknownEmailHash;

    PasswordSignIn(AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.unknownEmailHash = encoder.encode(OneTimePasswords.generate());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = Account.normalize(attempt.getName());
        String client = client(attempt);
        throttle.reserve(email, client).ifPresent(wait -> {
            throw new SignInThrottledException(wait);
        });
        String password = String.valueOf(attempt.getCredentials());
        Optional<Account> account = accounts.findByEmail(email);
        String hash = account.map(Account::passwordHash).orElse(unknownEmailHash);
        boolean matches = PasswordRules.fits(password) && encoder.matches(password, hash);
        if (account.isEmpty() || !matches) {
            throw new BadCredentialsException(WRONG);
        }
        throttle.succeeded(email, client);
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(new SignedIn(account.get().getId()), null,
                List.of(new SimpleGrantedAuthority(account.get().role().authority())));
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String client(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
