package app.ratelink.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import app.ratelink.system.BadRequestException;
import app.ratelink.system.LoginThrottle;
import app.ratelink.system.Refusal;
import app.ratelink.system.SqlTime;

/**
 * Changes a logged-in partner makes to its own account. Both need the current password (a session left
 * open on a shared computer must not be enough to take the account over). A new address takes effect
 * only once confirmed from that address.
 */
@Service
public class ProfileChanges {

    private final Partners partners;
    private final PartnerTokens tokens;
    private final AccountMails mails;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginThrottle throttle;

    ProfileChanges(Partners partners, PartnerTokens tokens, AccountMails mails, PasswordEncoder encoder,
                   JdbcClient jdbc, Clock clock, LoginThrottle throttle) {
        this.throttle = throttle;
        this.partners = partners;
        this.tokens = tokens;
        this.mails = mails;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws BadRequestException naming {@code currentPassword} or {@code newPassword} */
    public void changePassword(long partnerId, String currentPassword, String newPassword) {
        Partner partner = partners.byId(partnerId).orElseThrow();
        checkCurrent(partnerId, currentPassword);
        PasswordRules.problem(newPassword, partner.email()).ifPresent(p -> {
            throw new BadRequestException("newPassword", p);
        });
        // Millisecond precision: the database keeps at most microseconds and must not round past the session.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("UPDATE partners SET password_hash = :hash, credentials_changed_at = :at WHERE id = :id")
                .param("hash", encoder.encode(newPassword)).param("at", SqlTime.of(now)).param("id", partnerId)
                .update();
        keepThisSession(partnerId, now);
        mails.passwordChanged(partner.email());
    }

    /** Mails a confirmation link to the new address. @throws BadRequestException naming the field */
    public void requestEmailChange(long partnerId, String currentPassword, String newEmail) {
        checkCurrent(partnerId, currentPassword);
        String normalized = EmailAddresses.normalized(newEmail);
        if (!EmailAddresses.valid(normalized)) {
            throw new BadRequestException("newEmail", Refusal.of("cabinet.refusal.email", "Enter a valid e-mail address."));
        }
        Partner partner = partners.byId(partnerId).orElseThrow();
        if (normalized.equals(partner.email())) {
            throw new BadRequestException("newEmail", Refusal.of("cabinet.refusal.email.same", "This is your current address."));
        }
        if (partners.byEmail(normalized).isPresent()) {
            // Answered like any other address (the page says a link was sent): the form must not tell which
            // addresses are registered. Nothing is sent; the owner of that address is not bothered.
            return;
        }
        mails.emailChange(normalized, tokens.issue(partnerId, PartnerTokens.Purpose.EMAIL, normalized));
    }

    private void checkCurrent(long partnerId, String currentPassword) {
        String email = partners.byId(partnerId).orElseThrow().email();
        throttle.waitForAccount(email).ifPresent(wait -> {
            throw tooMany(wait);
        });
        String hash = jdbc.sql("SELECT password_hash FROM partners WHERE id = :id").param("id", partnerId)
                .query(String.class).single();
        boolean ok;
        try {
            ok = currentPassword != null && encoder.matches(currentPassword, hash);
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            throw throttled(email);
        }
    }

    private BadRequestException throttled(String email) {
        throttle.failedForAccount(email);
        return throttle.waitForAccount(email)
                .map(ProfileChanges::tooMany)
                .orElseGet(() -> new BadRequestException("currentPassword", Refusal.of("cabinet.refusal.currentPassword",
                        "The current password is not right.")));
    }

    private static BadRequestException tooMany(java.time.Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return new BadRequestException("currentPassword", Refusal.of("cabinet.login.throttledSeconds",
                "Too many failed attempts. Try again in " + seconds + " seconds.", seconds));
    }

    /** The session that made the change stays logged in; sessions elsewhere end (see PartnerSecurity). */
    private static void keepThisSession(long partnerId, Instant changedAt) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PartnerPrincipal p && p.partnerId() == partnerId) {
            var context = SecurityContextHolder.getContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new PartnerPrincipal(partnerId, changedAt, p.twoFactor()), null, auth.getAuthorities()));
        }
    }
}
