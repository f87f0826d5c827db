package app.ratelink.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import app.ratelink.system.LoginThrottle;
import app.ratelink.system.LoginThrottledException;
import app.ratelink.system.Preload;
import app.ratelink.twofactor.SecondFactor;
import app.ratelink.twofactor.TwoFactor;

/**
 * Checks an admin's e-mail and password with the same throttle as partners (per account and per client
 * address, counted in the database by all nodes; the account count does not care which address the guesses
 * come from, so a changing {@code X-Forwarded-For} does not help). Unknown e-mails cost the same hashing and
 * get the same answer. Not an {@link AuthenticationProvider} bean: the admin chain wraps {@link #provider()}.
 */
@Component
class AdminLogin {

    private final AdminAccounts accounts;
    private final LoginThrottle throttle;
    private final TwoFactor twoFactor;
    private final Clock clock;
    /** Hash of a random password, checked for unknown e-mails so they cost the same time as known ones. */
    private final Preload<String> dummyHash;

    AdminLogin(AdminAccounts accounts, LoginThrottle throttle, TwoFactor twoFactor, PasswordEncoder encoder,
               Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.twoFactor = twoFactor;
        this.clock = clock;
        this.dummyHash = Preload.of("admin-login", () -> encoder.encode(UUID.randomUUID().toString()));
    }

    /** The client address the attempt came from, set by the login form's details source. */
    record Details(String address, String userAgent) {
    }

    AuthenticationProvider provider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String address = authentication.getDetails() instanceof Details d ? d.address() : null;
                Object credentials = authentication.getCredentials();
                Authentication result = login(authentication.getName(), credentials == null ? "" : credentials.toString(),
                        address);
                if (result instanceof UsernamePasswordAuthenticationToken token) {
                    token.setDetails(authentication.getDetails());
                }
                return result;
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    Authentication login(String email, String password, String address) {
        String normalized = AdminAccounts.normalized(email);
        Optional<Duration> wait = throttle.wait(LoginThrottle.Realm.ADMIN, normalized, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        Optional<AdminAccounts.Stored> stored = accounts.stored(normalized);
        boolean matches = accounts.matches(password, stored.map(AdminAccounts.Stored::hash).orElseGet(dummyHash));
        if (stored.isEmpty() || !matches) {
            throttle.failed(LoginThrottle.Realm.ADMIN, normalized, address);
            throw new BadCredentialsException("Wrong e-mail or password");
        }
        throttle.succeeded(LoginThrottle.Realm.ADMIN, normalized);
        AdminAccounts.Stored account = stored.get();
        if (account.disabled()) {
            throw new LockedException("Account disabled");
        }
        accounts.upgrade(account, password);
        Instant now = clock.instant();
        AdminPrincipal principal = new AdminPrincipal(account.id(), account.email(), account.role(), now,
                twoFactor.enabled(AdminPrincipal.subject(account.id())));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role().role()));
        authorities.add(SecondFactor.password(now));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }
}
