package app.ratelink.partner;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import app.ratelink.system.LoginThrottle;
import app.ratelink.system.LoginThrottledException;
import app.ratelink.system.Preload;

/**
 * Checks a partner's e-mail and password. Deliberately not an {@link AuthenticationProvider} bean (that
 * would become the global provider and let partner credentials into other chains); the partner chain wraps
 * {@link #provider()}.
 * <p>
 * Enumeration: an unknown e-mail costs the same password hashing (against a dummy hash), counts in the
 * throttle the same way, and gets the same message. Only after the right password does the partner learn
 * that the account is unconfirmed or banned.
 */
@Component
class PartnerLogin {

    private static final Logger log = LoggerFactory.getLogger(PartnerLogin.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Hash of a random password, checked for unknown e-mails so they cost the same time as known ones. */
    private final Preload<String> dummyHash;

    PartnerLogin(JdbcClient jdbc, PasswordEncoder encoder, LoginThrottle throttle, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.throttle = throttle;
        this.clock = clock;
        this.dummyHash = Preload.of("partner-login", () -> encoder.encode(java.util.UUID.randomUUID().toString()));
    }

    private record Stored(long id, String hash, boolean confirmed, boolean banned) {
    }

    /** The client address the attempt came from, set by the login form's details source. */
    record Details(String address) {
    }

    AuthenticationProvider provider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String address = authentication.getDetails() instanceof Details d ? d.address() : null;
                Object credentials = authentication.getCredentials();
                return login(authentication.getName(), credentials == null ? "" : credentials.toString(), address);
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    Authentication login(String email, String password, String address) {
        String normalized = EmailAddresses.normalized(email);
        Optional<Duration> wait = throttle.wait(normalized, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        Optional<Stored> stored = jdbc.sql("SELECT id, password_hash, confirmed, banned FROM partners WHERE email = :email")
                .param("email", normalized)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("password_hash"),
                        rs.getBoolean("confirmed"), rs.getBoolean("banned")))
                .optional();
        boolean matches = matches(password, stored.map(Stored::hash).orElseGet(dummyHash));
        if (stored.isEmpty() || !matches) {
            throttle.failed(normalized, address);
            throw new BadCredentialsException("Wrong e-mail or password");
        }
        throttle.succeeded(normalized);
        Stored account = stored.get();
        if (!account.confirmed()) {
            throw new DisabledException("E-mail not confirmed");
        }
        if (account.banned()) {
            throw new LockedException("Account blocked");
        }
        upgrade(account, password);
        return UsernamePasswordAuthenticationToken.authenticated(new PartnerPrincipal(account.id(), clock.instant()),
                null, List.of(new SimpleGrantedAuthority("ROLE_PARTNER")));
    }

    /** Hashes from an older algorithm or cost (e.g. partners moved from another script) are redone now. */
    private void upgrade(Stored account, String password) {
        if (encoder.upgradeEncoding(account.hash())) {
            jdbc.sql("UPDATE partners SET password_hash = :hash WHERE id = :id AND password_hash = :old")
                    .param("hash", encoder.encode(password)).param("id", account.id()).param("old", account.hash())
                    .update();
            log.info("Password hash of partner {} upgraded", account.id());
        }
    }

    private boolean matches(String password, String hash) {
        try {
            return encoder.matches(password, hash);
        } catch (IllegalArgumentException e) {
            // A hash without a known {id} prefix can never match; still not an error for the visitor.
            return false;
        }
    }
}
