package app.ratelink.partner;

import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.system.BadRequestException;
import app.ratelink.system.SqlTime;

/**
 * "Forgot password": a one-time link by mail, valid for an hour. Asking answers the same whether or not
 * the address has an account. A new password ends every other session and voids the other reset links.
 */
@Service
public class PasswordReset {

    public enum Outcome { CHANGED, INVALID_TOKEN }

    private final Partners partners;
    private final PartnerTokens tokens;
    private final AccountMails mails;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final Clock clock;

    PasswordReset(Partners partners, PartnerTokens tokens, AccountMails mails, PasswordEncoder encoder,
                  JdbcClient jdbc, Clock clock) {
        this.partners = partners;
        this.tokens = tokens;
        this.mails = mails;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void request(String email) {
        partners.byEmail(email).filter(p -> !p.banned())
                .ifPresent(p -> mails.reset(p.email(), tokens.issue(p.id(), PartnerTokens.Purpose.RESET, null)));
    }

    /** Whether a reset link is still good (to show the form, or say at once that the link is dead). */
    public boolean usable(String token) {
        return tokens.usable(token, PartnerTokens.Purpose.RESET);
    }

    /**
     * Sets the new password if the token is good. The password is checked first, so a refused password
     * leaves the link usable for a second try.
     *
     * @throws BadRequestException naming {@code password} when it breaks {@link PasswordRules}
     */
    @Transactional
    public Outcome reset(String token, String newPassword) {
        if (!usable(token)) {
            return Outcome.INVALID_TOKEN;
        }
        PasswordRules.problem(newPassword, null).ifPresent(p -> {
            throw new BadRequestException("password", p);
        });
        return tokens.use(token, PartnerTokens.Purpose.RESET).map(use -> {
            Partner partner = partners.byId(use.partnerId()).orElseThrow();
            PasswordRules.problem(newPassword, partner.email()).ifPresent(p -> {
                throw new BadRequestException("password", p);
            });
            Instant now = clock.instant();
            // A link issued before the last change of credentials is void (e.g. mailed to an old address).
            Instant changed = jdbc.sql("SELECT credentials_changed_at FROM partners WHERE id = :id")
                    .param("id", partner.id()).query((rs, n) -> SqlTime.instant(rs, "credentials_changed_at"))
                    .optional().orElse(null);
            if (changed != null && changed.isAfter(use.issuedAt())) {
                return Outcome.INVALID_TOKEN;
            }
            // The link came by mail to this address, which proves it as well as the confirmation link does.
            jdbc.sql("""
                    UPDATE partners SET password_hash = :hash, credentials_changed_at = :at, confirmed = TRUE
                    WHERE id = :id""")
                    .param("hash", encoder.encode(newPassword)).param("at", SqlTime.of(now))
                    .param("id", partner.id()).update();
            tokens.voidAll(partner.id(), PartnerTokens.Purpose.RESET);
            mails.passwordChanged(partner.email());
            return Outcome.CHANGED;
        }).orElse(Outcome.INVALID_TOKEN);
    }
}
