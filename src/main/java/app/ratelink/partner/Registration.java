package app.ratelink.partner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.system.BadRequestException;
import app.ratelink.system.Refusal;
import app.ratelink.system.SqlTime;

/**
 * Self-service sign-up: e-mail + password, then a confirmation link by mail. Registering an address that
 * has an account answers exactly like a new one (the owner gets a mail instead), so the form cannot be
 * used to find out who is a partner.
 */
@Service
public class Registration {

    private final Partners partners;
    private final PartnerTokens tokens;
    private final AccountMails mails;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final Clock clock;

    Registration(Partners partners, PartnerTokens tokens, AccountMails mails, PasswordEncoder encoder,
                 JdbcClient jdbc, Clock clock) {
        this.partners = partners;
        this.tokens = tokens;
        this.mails = mails;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @throws BadRequestException naming {@code email} or {@code password} with a message for the form
     */
    public void register(String email, String password) {
        List<BadRequestException> problems = problems(email, password);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        String normalized = EmailAddresses.normalized(email);
        // Hashed in every case, so a taken address costs the same time as a new one.
        String hash = encoder.encode(password);
        Optional<Partner> existing = partners.byEmail(normalized);
        if (existing.isPresent()) {
            if (existing.get().confirmed()) {
                mails.alreadyRegistered(normalized);
            } else {
                mails.confirmation(normalized, tokens.issue(existing.get().id(), PartnerTokens.Purpose.CONFIRM, null));
            }
            return;
        }
        long id;
        try {
            id = partners.insert(normalized, hash, false);
        } catch (EmailTakenException e) {
            mails.alreadyRegistered(normalized);
            return;
        }
        // The language of the page the partner registered on: later mails are written in it.
        partners.chooseLanguage(id, LocaleContextHolder.getLocale());
        mails.confirmation(normalized, tokens.issue(id, PartnerTokens.Purpose.CONFIRM, null));
    }

    /** Everything wrong with a sign-up, by field ({@code email}, {@code password}), so a form can show it all at once. */
    public List<BadRequestException> problems(String email, String password) {
        List<BadRequestException> problems = new ArrayList<>();
        String normalized = EmailAddresses.normalized(email);
        if (!EmailAddresses.valid(normalized)) {
            problems.add(new BadRequestException("email", Refusal.of("cabinet.refusal.email", "Enter a valid e-mail address.")));
        }
        PasswordRules.problem(password, normalized).ifPresent(p -> problems.add(new BadRequestException("password", p)));
        return problems;
    }

    /** Confirms the account of a confirmation link; empty when the link is unknown, used or expired. */
    @Transactional
    public Optional<Partner> confirm(String token) {
        Optional<PartnerTokens.Use> use = tokens.use(token, PartnerTokens.Purpose.CONFIRM);
        use.ifPresent(u -> jdbc.sql("UPDATE partners SET confirmed = TRUE WHERE id = :id")
                .param("id", u.partnerId()).update());
        return use.flatMap(u -> partners.byId(u.partnerId()));
    }

    /** Confirms a change of e-mail address; empty when the link is bad or the address got taken meanwhile. */
    @Transactional
    public Optional<Partner> confirmEmailChange(String token) {
        Optional<PartnerTokens.Use> use = tokens.use(token, PartnerTokens.Purpose.EMAIL);
        if (use.isEmpty() || use.get().newEmail() == null || partners.byEmail(use.get().newEmail()).isPresent()) {
            return Optional.empty();
        }
        Partner before = partners.byId(use.get().partnerId()).orElseThrow();
        jdbc.sql("UPDATE partners SET email = :email, credentials_changed_at = :at WHERE id = :id")
                .param("email", use.get().newEmail()).param("at", SqlTime.of(clock.instant()))
                .param("id", before.id()).update();
        mails.emailChanged(before.email(), use.get().newEmail());
        return partners.byId(before.id());
    }
}
